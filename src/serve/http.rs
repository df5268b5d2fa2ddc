//! The HTTP side of `serve`: files from memory only, so no request can reach outside the output.
//!
//! One task per connection (hyper on tokio): a client that never reads stalls only itself.
//! Headers are limited in size and time; only GET and HEAD are answered; the `Host` header
//! must name the served address (no DNS rebinding) and the live-reload socket only accepts
//! pages of its own origin, so no other website can read a draft.

use super::State;
use axum::body::Body;
use axum::extract::ws::WebSocketUpgrade;
use axum::extract::FromRequestParts;
use axum::http::{header, HeaderValue, Method, Request, Response, StatusCode};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;

const LIVERELOAD_JS: &str = include_str!("livereload.js");
/// Request line and headers together: a browser sends a few kilobytes.
const MAX_HEAD: usize = 64 * 1024;
/// A client that has not sent its headers by then is dropped.
const HEAD_TIMEOUT: Duration = Duration::from_secs(10);

/// Binds, then serves in the background of the current tokio runtime.
pub async fn start(bind: IpAddr, port: u16, state: Arc<State>) -> Result<SocketAddr, String> {
    let listener = TcpListener::bind(SocketAddr::new(bind, port))
        .await
        .map_err(|e| format!("impossible d'écouter sur {bind}:{port} : {e}"))?;
    let addr = listener
        .local_addr()
        .map_err(|e| format!("adresse d'écoute inconnue : {e}"))?;
    let hosts = Arc::new(Hosts::new(bind, addr.port()));
    tokio::spawn(async move {
        loop {
            let stream = match listener.accept().await {
                Ok((stream, _)) => stream,
                // Out of file descriptors, for instance: wait for some to be freed.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            };
            let (state, hosts) = (state.clone(), hosts.clone());
            tokio::spawn(async move {
                let service = service_fn(move |req| {
                    let (state, hosts) = (state.clone(), hosts.clone());
                    async move { Ok::<_, Infallible>(handle(&state, &hosts, req).await) }
                });
                let _ = http1::Builder::new()
                    .timer(TokioTimer::new())
                    .header_read_timeout(HEAD_TIMEOUT)
                    .max_buf_size(MAX_HEAD)
                    .serve_connection(TokioIo::new(stream), service)
                    .with_upgrades()
                    .await;
            });
        }
    });
    Ok(addr)
}

/// The `Host` values the server answers to.
struct Hosts {
    /// None when bound to a network address on purpose: any name may then reach it.
    allowed: Option<Vec<String>>,
}

impl Hosts {
    fn new(bind: IpAddr, port: u16) -> Self {
        if !bind.is_loopback() {
            return Hosts { allowed: None };
        }
        let names = ["127.0.0.1", "localhost", "[::1]"];
        let mut allowed: Vec<String> = names.iter().map(|n| format!("{n}:{port}")).collect();
        if port == 80 {
            allowed.extend(names.iter().map(|n| n.to_string()));
        }
        if let IpAddr::V4(v4) = bind {
            allowed.push(format!("{v4}:{port}"));
        }
        Hosts {
            allowed: Some(allowed),
        }
    }

    fn accepts(&self, host: &str) -> bool {
        match &self.allowed {
            None => !host.is_empty(),
            Some(list) => list.iter().any(|h| h.eq_ignore_ascii_case(host)),
        }
    }
}

async fn handle(state: &Arc<State>, hosts: &Hosts, req: Request<Incoming>) -> Response<Body> {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("")
        .to_owned();
    if !hosts.accepts(&host) {
        return text(
            StatusCode::FORBIDDEN,
            "Nom d'hôte refusé : ouvrez le site à l'adresse affichée par portail serve.",
        );
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut r = text(
            StatusCode::METHOD_NOT_ALLOWED,
            "Seules les méthodes GET et HEAD sont acceptées.",
        );
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    match req.uri().path() {
        "/__portail/ws" => return live_reload(state, &host, req).await,
        "/__portail/livereload.js" => {
            return file("livereload.js", Body::from(LIVERELOAD_JS), StatusCode::OK)
        }
        _ => {}
    }
    let path = req.uri().path().to_owned();
    let Some(rel) = resolve(&path) else {
        return text(StatusCode::BAD_REQUEST, "Chemin refusé.");
    };
    let shown = match state.shown.read() {
        Ok(s) => s,
        Err(poisoned) => poisoned.into_inner(),
    };
    let Some(files) = &shown.files else {
        let errors = shown.errors.as_deref().unwrap_or("");
        return error_page(errors);
    };
    if let Some(bytes) = files.get(&rel) {
        return file(&rel, Body::from(bytes.clone()), StatusCode::OK);
    }
    // `/leviers/fir` is the folder `leviers/fir/`: send the browser there, so that the page's
    // relative links resolve against the folder, as on any static host.
    if !path.ends_with('/') && files.contains_key(&format!("{rel}/index.html")) {
        let mut location = format!("{path}/");
        if let Some(q) = req.uri().query() {
            location = format!("{location}?{q}");
        }
        let mut r = Response::new(Body::empty());
        *r.status_mut() = StatusCode::MOVED_PERMANENTLY;
        if let Ok(v) = HeaderValue::from_str(&location) {
            r.headers_mut().insert(header::LOCATION, v);
        }
        return r;
    }
    match files.get("404.html") {
        Some(page) => file("404.html", Body::from(page.clone()), StatusCode::NOT_FOUND),
        None => text(StatusCode::NOT_FOUND, "Page introuvable."),
    }
}

/// The live-reload socket, for pages of this server's own origin only.
async fn live_reload(state: &Arc<State>, host: &str, req: Request<Incoming>) -> Response<Body> {
    let origin = req
        .headers()
        .get(header::ORIGIN)
        .and_then(|o| o.to_str().ok());
    if origin.is_some_and(|o| !o.eq_ignore_ascii_case(&format!("http://{host}"))) {
        return text(StatusCode::FORBIDDEN, "Origine refusée.");
    }
    let (mut parts, _) = req.into_parts();
    match WebSocketUpgrade::from_request_parts(&mut parts, &()).await {
        Ok(upgrade) => {
            let state = state.clone();
            upgrade.on_upgrade(move |socket| async move { state.reload.serve(socket).await })
        }
        Err(_) => text(StatusCode::BAD_REQUEST, "WebSocket attendu."),
    }
}

/// While the site has never built: the diagnostics, with live reload, so the page turns
/// into the site as soon as the content is fixed.
fn error_page(errors: &str) -> Response<Body> {
    let body = format!(
        "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">\
         <title>Erreurs dans le contenu — portail</title>\
         <script src=\"/__portail/livereload.js\"></script></head>\
         <body><h1>Le site ne peut pas encore être construit</h1>\
         <p>Corrigez les erreurs ci-dessous et enregistrez : cette page deviendra le site \
         automatiquement.</p><pre>{}</pre></body></html>\n",
        crate::html::escape(if errors.is_empty() {
            "Construction en cours…"
        } else {
            errors
        })
    );
    file(
        "erreurs.html",
        Body::from(body),
        StatusCode::INTERNAL_SERVER_ERROR,
    )
}

fn text(status: StatusCode, message: &'static str) -> Response<Body> {
    file("message.txt", Body::from(message), status)
}

fn file(path: &str, body: Body, status: StatusCode) -> Response<Body> {
    let mut r = Response::new(body);
    *r.status_mut() = status;
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, content_type(path));
    // Drafts change on every save: never cache them.
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    r
}

/// Maps a request path to an output path; None for anything that tries to climb out.
pub fn resolve(url: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode_str(url)
        .decode_utf8()
        .ok()?;
    if decoded.contains('\\') || decoded.contains('\0') {
        return None;
    }
    let mut parts = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return None,
            s => parts.push(s),
        }
    }
    let mut path = parts.join("/");
    if path.is_empty() || decoded.ends_with('/') {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    Some(path)
}

fn content_type(path: &str) -> HeaderValue {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
    HeaderValue::from_static(match ext {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "ico" => "image/x-icon",
        "wasm" => "application/wasm",
        "pdf" => "application/pdf",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traversal_is_refused() {
        assert_eq!(resolve("/").as_deref(), Some("index.html"));
        assert_eq!(
            resolve("/leviers/fir/").as_deref(),
            Some("leviers/fir/index.html")
        );
        assert_eq!(
            resolve("/static/site.css").as_deref(),
            Some("static/site.css")
        );
        assert_eq!(resolve("/../etc/passwd"), None);
        assert_eq!(resolve("/%2e%2e/%2E%2E/etc/passwd"), None);
        assert_eq!(resolve("/static/..%2f..%2fCargo.toml"), None);
        assert_eq!(resolve("/a\\..\\b"), None);
        assert_eq!(resolve("/a/..%2e").as_deref(), Some("a/..."));
        assert_eq!(resolve("/%2e%2e"), None);
        assert_eq!(resolve("/%00"), None);
        assert_eq!(resolve("/%ff%fe"), None);
    }

    #[test]
    fn only_the_served_names_are_hosts() {
        let h = Hosts::new("127.0.0.1".parse().unwrap(), 1111);
        assert!(h.accepts("127.0.0.1:1111"));
        assert!(h.accepts("localhost:1111"));
        assert!(!h.accepts("evil.example:1111"));
        assert!(!h.accepts("127.0.0.1:2222"));
        assert!(!h.accepts(""));
    }
}
