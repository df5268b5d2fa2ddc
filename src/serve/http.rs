//! The HTTP side of `serve`: files from memory only, so no request can reach outside the output.

use super::reload::Hub;
use super::Files;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use tiny_http::{Header, Request, Response, Server};

const LIVERELOAD_JS: &str = include_str!("livereload.js");

pub fn start(bind: IpAddr, port: u16, files: Files, hub: Hub) -> Result<SocketAddr, String> {
    let server = Server::http(SocketAddr::new(bind, port))
        .map_err(|e| format!("impossible d'écouter sur {bind}:{port} : {e}"))?;
    let addr = server
        .server_addr()
        .to_ip()
        .ok_or("adresse d'écoute inconnue")?;
    let server = Arc::new(server);
    for _ in 0..4 {
        let (server, files, hub) = (server.clone(), files.clone(), hub.clone());
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                handle(request, &files, &hub);
            }
        });
    }
    Ok(addr)
}

fn handle(request: Request, files: &Files, hub: &Hub) {
    let url = request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_owned();
    if url == "/__portail/ws" {
        hub.accept(request);
        return;
    }
    if url == "/__portail/livereload.js" {
        let _ =
            request.respond(Response::from_string(LIVERELOAD_JS).with_header(content_type("js")));
        return;
    }
    let response = match resolve(&url) {
        Some(path) => lookup(files, &path),
        None => None,
    };
    let _ = match response {
        Some((path, bytes)) => {
            request.respond(Response::from_data(bytes).with_header(content_type(extension(&path))))
        }
        None => {
            let body = files
                .read()
                .ok()
                .and_then(|f| f.get("404.html").cloned())
                .unwrap_or_else(|| b"404".to_vec());
            request.respond(
                Response::from_data(body)
                    .with_status_code(404)
                    .with_header(content_type("html")),
            )
        }
    };
}

/// Maps a request path to an output path; None for anything that tries to climb out.
pub fn resolve(url: &str) -> Option<String> {
    let decoded = crate::urls::decode(url);
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

fn lookup(files: &Files, path: &str) -> Option<(String, Vec<u8>)> {
    let files = files.read().ok()?;
    if let Some(b) = files.get(path) {
        return Some((path.to_owned(), b.clone()));
    }
    // `/leviers/fir` without the slash: serve the folder's page, as static servers do.
    let index = format!("{path}/index.html");
    files.get(&index).map(|b| (index, b.clone()))
}

fn extension(path: &str) -> &str {
    path.rsplit_once('.').map_or("", |(_, e)| e)
}

fn content_type(ext: &str) -> Header {
    let mime = match ext {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "wasm" => "application/wasm",
        "pdf" => "application/pdf",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
    Header::from_bytes("Content-Type", mime).expect("static header")
}

#[cfg(test)]
mod tests {
    use super::resolve;

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
    }
}
