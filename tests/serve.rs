//! `portail serve` as an editor uses it: pages served, edits rebuilt and pushed to the open page,
//! broken edits reported while the last good build stays served, no path outside the output.

mod common;
use common::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(root: &Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_portail"))
        .arg("--root")
        .arg(root)
        .args(["serve", "--port", "0", "--date", DATE])
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn serve");
    let stderr = child.stderr.take().expect("stderr");
    let mut lines = BufReader::new(stderr).lines();
    let addr = loop {
        let line = lines.next().expect("serve exited early").expect("read");
        if let Some(rest) = line.split("http://").nth(1) {
            break rest.split_whitespace().next().expect("address").to_owned();
        }
    };
    // Keep draining stderr so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Server { child, addr }
}

/// A raw request, so the path reaches the server exactly as written (no client normalization).
fn get(addr: &str, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("write");
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

fn wait_for(what: &str, mut cond: impl FnMut() -> bool) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(20) {
        if cond() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("timed out waiting for {what}");
}

fn small_site(dir: &Path) {
    std::fs::create_dir_all(dir.join("content")).expect("mkdir");
    std::fs::write(
        dir.join("content/_index.md"),
        "+++\ntitle = \"Accueil\"\n[[sources]]\ndocument = \"Source de test\"\ndate = \"2021\"\n+++\nVersion un.\n",
    )
    .expect("write");
    std::fs::write(dir.join("secret.txt"), "ne pas servir").expect("write");
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
    ] {
        let (status, body) = get(&server.addr, path);
        assert_eq!(status, 404, "{path} was served");
        assert!(
            !body.contains("ne pas servir") && !body.contains("root:"),
            "{path} leaked a file"
        );
    }
}

#[test]
fn an_edit_is_rebuilt_and_a_broken_edit_keeps_the_last_good_build() {
    let tmp = tempfile::tempdir().expect("tempdir");
    small_site(tmp.path());
    let server = start(tmp.path());
    let (mut ws, _) = tungstenite::client(
        format!("ws://{}/__portail/ws", server.addr),
        TcpStream::connect(&server.addr).expect("connect"),
    )
    .expect("websocket");
    let index = tmp.path().join("content/_index.md");

    std::fs::write(&index, "+++\ntitle = \"Accueil\"\n[[sources]]\ndocument = \"Source de test\"\ndate = \"2021\"\n+++\nVersion deux.\n").expect("write");
    wait_for("the edit to be served", || {
        get(&server.addr, "/").1.contains("Version deux.")
    });
    let msg = ws.read().expect("message").into_text().expect("text");
    assert!(msg.contains("reload"), "{msg}");
    // Reading the sources must not count as a change: once the edit is served, all is quiet.
    std::thread::sleep(Duration::from_millis(600));
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
    // An editor's save may fire several events: skip the reloads of the previous good version.
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
        msg.contains("\"error\"") && msg.contains("content/_index.md:2:1") && msg.contains("titel"),
        "{msg}"
    );
    let (status, body) = get(&server.addr, "/");
    assert_eq!(status, 200);
    assert!(
        body.contains("Version deux."),
        "the last good build must stay served"
    );
}
