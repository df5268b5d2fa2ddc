//! `portail serve` as an editor uses it: started from the site folder with no `--root`, pages
//! served, every kind of save rebuilt and pushed to the open page, broken edits reported while
//! the last good build stays served, and nothing another website or a stuck client can abuse.

mod common;
use common::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    addr: String,
    log: Arc<Mutex<String>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn log(&self) -> String {
        self.log.lock().expect("log").clone()
    }
}

/// `portail serve` run the way the README says: from the site folder.
fn start(site: &Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_portail"))
        .current_dir(site)
        .args(["serve", "--port", "0", "--date", DATE])
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn serve");
    let stderr = child.stderr.take().expect("stderr");
    let mut lines = BufReader::new(stderr).lines();
    let log = Arc::new(Mutex::new(String::new()));
    let addr = loop {
        let line = lines.next().expect("serve exited early").expect("read");
        log.lock().expect("log").push_str(&format!("{line}\n"));
        if let Some(rest) = line.split("http://").nth(1) {
            break rest
                .split(|c: char| c == '/' || c.is_whitespace())
                .next()
                .expect("address")
                .to_owned();
        }
    };
    // Keep draining stderr so the server never blocks on a full pipe.
    let sink = log.clone();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            sink.lock().expect("log").push_str(&format!("{line}\n"));
        }
    });
    Server { child, addr, log }
}

/// A raw request, so the path and headers reach the server exactly as written.
fn request(addr: &str, head: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    s.write_all(head.as_bytes()).expect("write");
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let text = String::from_utf8_lossy(&buf).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, text)
}

fn get(addr: &str, path: &str) -> (u16, String) {
    request(
        addr,
        &format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"),
    )
}

fn wait_for(what: &str, mut cond: impl FnMut() -> bool) -> Duration {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(20) {
        if cond() {
            return start.elapsed();
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("timed out waiting for {what}");
}

/// A home page with the given body, citing a source as every page must.
fn home(body: &str) -> String {
    format!("+++\ntitle = \"Accueil\"\n[[sources]]\ndocument = \"Source de test\"\ndate = \"2021\"\n+++\n{body}\n")
}

fn small_site(dir: &Path) {
    std::fs::create_dir_all(dir.join("content")).expect("mkdir");
    std::fs::write(dir.join("content/_index.md"), home("Version un.")).expect("write");
    std::fs::write(dir.join("secret.txt"), "ne pas servir").expect("write");
}

/// A copy of the real portal, as an editor has it.
fn real_site(dir: &Path) {
    for part in ["content", "templates", "static"] {
        copy_dir(&repo().join(part), &dir.join(part));
    }
    std::fs::copy(repo().join("portail.toml"), dir.join("portail.toml")).expect("copy");
}

fn websocket(addr: &str) -> tungstenite::WebSocket<TcpStream> {
    let (ws, _) = tungstenite::client(
        format!("ws://{addr}/__portail/ws"),
        TcpStream::connect(addr).expect("connect"),
    )
    .expect("websocket");
    ws
}

#[test]
fn serves_pages_and_refuses_every_path_outside_the_output() {
    let tmp = tempfile::tempdir().expect("tempdir");
    small_site(tmp.path());
    let server = start(tmp.path());
    let (status, body) = get(&server.addr, "/");
    assert_eq!(status, 200);
    assert!(body.contains("Version un."));
    assert!(
        body.contains("/__portail/livereload.js"),
        "live reload script not injected"
    );
    assert_eq!(get(&server.addr, "/static/site.css").0, 200);
    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/static/..%2f..%2fsecret.txt",
        "/..\\secret.txt",
        "//etc/passwd",
        "/etc/passwd",
        "/%00",
        "/secret.txt",
    ] {
        let (status, body) = get(&server.addr, path);
        assert!(status == 404 || status == 400, "{path} answered {status}");
        assert!(
            !body.contains("ne pas servir") && !body.contains("root:"),
            "{path} leaked a file"
        );
    }
}

#[test]
fn a_folder_without_slash_redirects_and_only_get_and_head_are_answered() {
    let tmp = tempfile::tempdir().expect("tempdir");
    real_site(tmp.path());
    let server = start(tmp.path());
    let (status, head) = get(&server.addr, "/leviers/fir?x=1");
    assert_eq!(status, 301, "{head}");
    assert!(head.contains("location: /leviers/fir/?x=1"), "{head}");
    let a = &server.addr;
    let (status, head) = request(
        a,
        &format!("HEAD /leviers/fir/ HTTP/1.1\r\nHost: {a}\r\nConnection: close\r\n\r\n"),
    );
    assert_eq!(status, 200);
    assert!(!head.contains("<html"), "HEAD must not send the page");
    for method in ["POST", "PUT", "DELETE", "OPTIONS", "TRACE"] {
        let (status, head) = request(
            a,
            &format!("{method} / HTTP/1.1\r\nHost: {a}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
        );
        assert_eq!(status, 405, "{method}: {head}");
        assert!(!head.contains("<html"), "{method} returned the page");
    }
}

/// Another website must not read a draft: not through a rebound DNS name (Host), not through
/// the live-reload socket (Origin).
#[test]
fn other_origins_cannot_read_drafts() {
    let tmp = tempfile::tempdir().expect("tempdir");
    small_site(tmp.path());
    let server = start(tmp.path());
    let port = server.addr.rsplit(':').next().expect("port");
    for host in [format!("attaquant.example:{port}"), String::new()] {
        let (status, body) = request(
            &server.addr,
            &format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
        );
        assert_eq!(status, 403, "Host {host:?} was served");
        assert!(!body.contains("Version un."));
    }
    assert_eq!(
        request(
            &server.addr,
            &format!("GET / HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n")
        )
        .0,
        200
    );
    let handshake = |origin: &str| {
        let a = &server.addr;
        request(
            a,
            &format!(
                "GET /__portail/ws HTTP/1.1\r\nHost: {a}\r\nOrigin: {origin}\r\nConnection: Upgrade\r\n\
                 Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"
            ),
        )
        .0
    };
    assert_eq!(handshake("http://attaquant.example"), 403);
    assert_eq!(handshake("null"), 403);
    // The page's own origin is upgraded (101): read only the status line, the socket stays open.
    let mut s = TcpStream::connect(&server.addr).expect("connect");
    let a = &server.addr;
    write!(
        s,
        "GET /__portail/ws HTTP/1.1\r\nHost: {a}\r\nOrigin: http://{a}\r\nConnection: Upgrade\r\n\
         Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"
    )
    .expect("write");
    let mut line = String::new();
    BufReader::new(s).read_line(&mut line).expect("read");
    assert!(line.contains(" 101 "), "{line}");
}

/// Saves the way editors' tools do, each followed by the new text over HTTP.
#[test]
fn every_kind_of_save_is_served_from_the_site_folder() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    real_site(&site);
    let server = start(&site);
    let page = site.join("content/a-propos.md");
    let original = std::fs::read_to_string(&page).expect("read");
    let served = |marker: &str| get(&server.addr, "/a-propos/index.html").1.contains(marker);

    // In place, as most editors do.
    std::fs::write(&page, format!("{original}\nMarqueurSurPlace\n")).expect("write");
    let latency = wait_for("an in-place save", || served("MarqueurSurPlace"));
    eprintln!("in-place save served after {} ms", latency.as_millis());

    // Through a temporary file renamed over the original (vim, VS Code, sync tools).
    let tmpfile = site.join("content/.a-propos.md.tmp");
    std::fs::write(&tmpfile, format!("{original}\nMarqueurRenomme\n")).expect("write");
    std::fs::rename(&tmpfile, &page).expect("rename");
    wait_for("a save through rename", || served("MarqueurRenomme"));

    // The whole folder moved away and back, as a checkout or a sync does.
    let away = tmp.path().join("content-ailleurs");
    std::fs::rename(site.join("content"), &away).expect("move away");
    std::thread::sleep(Duration::from_millis(700));
    std::fs::rename(&away, site.join("content")).expect("move back");
    std::thread::sleep(Duration::from_millis(700));
    std::fs::write(&page, format!("{original}\nMarqueurApresDeplacement\n")).expect("write");
    wait_for("a save after the folder came back", || {
        served("MarqueurApresDeplacement")
    });

    // Deleted and recreated from a copy.
    let copy = tmp.path().join("copie");
    copy_dir(&site.join("content"), &copy);
    std::fs::remove_dir_all(site.join("content")).expect("delete");
    std::thread::sleep(Duration::from_millis(700));
    copy_dir(&copy, &site.join("content"));
    std::fs::write(&page, format!("{original}\nMarqueurRecree\n")).expect("write");
    wait_for("a save in a recreated folder", || served("MarqueurRecree"));

    // A template edit shows too.
    let base = site.join("templates/base.html");
    let tpl = std::fs::read_to_string(&base).expect("read");
    std::fs::write(
        &base,
        tpl.replace("</body>", "<p>MarqueurGabarit</p></body>"),
    )
    .expect("write");
    wait_for("a template edit", || served("MarqueurGabarit"));
}

/// Saving every 100 ms never lets the sources rest: rebuilds must still come every second.
#[test]
fn a_burst_of_saves_still_rebuilds_every_second() {
    let tmp = tempfile::tempdir().expect("tempdir");
    small_site(tmp.path());
    let server = start(tmp.path());
    let index = tmp.path().join("content/_index.md");
    let started = Instant::now();
    let mut seen = Vec::new();
    let mut n = 0;
    while started.elapsed() < Duration::from_secs(4) {
        n += 1;
        std::fs::write(&index, home(&format!("Sauvegarde{n}."))).expect("write");
        std::thread::sleep(Duration::from_millis(100));
        let body = get(&server.addr, "/").1;
        if let Some(v) = body.split("Sauvegarde").nth(1) {
            let v: String = v.chars().take_while(char::is_ascii_digit).collect();
            if seen.last() != Some(&v) {
                seen.push(v);
            }
        }
    }
    assert!(
        seen.len() >= 3,
        "only {} versions served during 4 s of saves every 100 ms: {seen:?}\n{}",
        seen.len(),
        server.log()
    );
}

#[test]
fn an_edit_is_rebuilt_and_a_broken_edit_keeps_the_last_good_build() {
    let tmp = tempfile::tempdir().expect("tempdir");
    small_site(tmp.path());
    let server = start(tmp.path());
    let mut ws = websocket(&server.addr);
    let index = tmp.path().join("content/_index.md");

    std::fs::write(&index, home("Version deux.")).expect("write");
    wait_for("the edit to be served", || {
        get(&server.addr, "/").1.contains("Version deux.")
    });
    let msg = ws.read().expect("message").into_text().expect("text");
    assert!(msg.contains("reload"), "{msg}");
    // Reading the sources must not count as a change: once the edit is served, all is quiet.
    std::thread::sleep(Duration::from_millis(800));
    ws.get_mut()
        .set_read_timeout(Some(Duration::from_millis(500)))
        .expect("timeout");
    while ws.read().is_ok() {}
    ws.get_mut()
        .set_read_timeout(Some(Duration::from_secs(2)))
        .expect("timeout");
    assert!(
        ws.read().is_err(),
        "the server keeps rebuilding with no edit"
    );
    ws.get_mut().set_read_timeout(None).expect("timeout");

    std::fs::write(&index, "+++\ntitel = \"Accueil\"\n+++\nVersion cassée.\n").expect("write");
    let msg = (0..20)
        .map(|_| {
            ws.read()
                .expect("message")
                .into_text()
                .expect("text")
                .to_string()
        })
        .find(|m| m.contains("\"error\""))
        .expect("an error message");
    assert!(
        msg.contains("content/_index.md:2:1") && msg.contains("titel"),
        "{msg}"
    );
    let (status, body) = get(&server.addr, "/");
    assert_eq!(status, 200);
    assert!(
        body.contains("Version deux."),
        "the last good build must stay served"
    );
    wait_for(
        "the terminal to say the last good build stays served",
        || {
            server
                .log()
                .contains("la dernière version correcte reste servie")
        },
    );
}

/// Started on a broken site: the browser shows the diagnostics, then the site once fixed.
#[test]
fn a_site_broken_from_the_start_shows_its_errors_then_the_site() {
    let tmp = tempfile::tempdir().expect("tempdir");
    small_site(tmp.path());
    let index = tmp.path().join("content/_index.md");
    std::fs::write(&index, "+++\ntitel = \"Accueil\"\n+++\nVersion un.\n").expect("write");
    let server = start(tmp.path());
    let (status, body) = get(&server.addr, "/");
    assert_eq!(status, 500);
    assert!(
        body.contains("content/_index.md:2:1") && body.contains("titel"),
        "{body}"
    );
    assert!(body.contains("/__portail/livereload.js"), "no live reload");
    assert!(
        !server.log().contains("la dernière version correcte"),
        "no correct version exists yet: {}",
        server.log()
    );
    let mut ws = websocket(&server.addr);
    let first = ws.read().expect("message").into_text().expect("text");
    assert!(first.contains("\"error\""), "{first}");
    std::fs::write(&index, home("Version réparée.")).expect("write");
    let msg = ws.read().expect("message").into_text().expect("text");
    assert!(msg.contains("reload"), "{msg}");
    let (status, body) = get(&server.addr, "/");
    assert_eq!(status, 200);
    assert!(body.contains("Version réparée."));
}

/// Stuck and greedy clients (bounded in number and time) must not stop anyone else.
#[test]
fn stuck_clients_do_not_freeze_the_server() {
    let tmp = tempfile::tempdir().expect("tempdir");
    small_site(tmp.path());
    let server = start(tmp.path());
    let a = server.addr.clone();

    // A client that pipelines many requests and never reads the answers.
    let mut greedy = TcpStream::connect(&a).expect("connect");
    let many = format!("GET /static/site.css HTTP/1.1\r\nHost: {a}\r\n\r\n").repeat(3000);
    greedy
        .set_write_timeout(Some(Duration::from_secs(2)))
        .expect("timeout");
    let _ = greedy.write_all(many.as_bytes());
    // A client that sends its headers one byte at a time and never finishes.
    let mut slow = TcpStream::connect(&a).expect("connect");
    let _ = slow.write_all(b"GET / HTTP/1.1\r\nHo");
    // A live-reload page that never reads.
    let _deaf = websocket(&a);
    // A huge header is refused, not buffered.
    let mut big = TcpStream::connect(&a).expect("connect");
    big.set_write_timeout(Some(Duration::from_secs(2)))
        .expect("timeout");
    let _ = write!(big, "GET / HTTP/1.1\r\nHost: {a}\r\nX-Grand: ");
    let chunk = vec![b'a'; 1 << 20];
    let mut sent = 0;
    for _ in 0..64 {
        if big.write_all(&chunk).is_err() {
            break;
        }
        sent += 1;
    }
    assert!(sent < 64, "the server accepted 64 MB of headers");

    // 1 000 requests, 100 at a time, all answered while those clients hang on.
    let started = Instant::now();
    let ok: usize = std::thread::scope(|s| {
        let handles: Vec<_> = (0..100)
            .map(|_| s.spawn(|| (0..10).filter(|_| get(&a, "/").0 == 200).count()))
            .collect();
        handles.into_iter().map(|h| h.join().expect("join")).sum()
    });
    assert_eq!(ok, 1000, "requests lost while clients were stuck");
    eprintln!(
        "1000 requests answered in {} ms",
        started.elapsed().as_millis()
    );

    // Rebuilds still reach the pages that do read.
    let mut ws = websocket(&a);
    std::fs::write(tmp.path().join("content/_index.md"), home("Version deux.")).expect("write");
    let msg = ws.read().expect("message").into_text().expect("text");
    assert!(msg.contains("reload"), "{msg}");
    assert!(get(&a, "/").1.contains("Version deux."));
}
