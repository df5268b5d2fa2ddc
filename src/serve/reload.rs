//! Live reload over WebSocket: open pages reload after a good build and show an overlay with
//! the diagnostics after a broken one.

use std::sync::{Arc, Mutex};
use tiny_http::{Header, Request, Response};
use tungstenite::protocol::Role;
use tungstenite::{Message, WebSocket};

type Socket = WebSocket<Box<dyn tiny_http::ReadWrite + Send>>;

#[derive(Clone, Default)]
pub struct Hub {
    clients: Arc<Mutex<Vec<Socket>>>,
    /// The current error, sent to pages that connect while the content is broken.
    error: Arc<Mutex<Option<String>>>,
}

impl Hub {
    pub fn accept(&self, request: Request) {
        let key = request
            .headers()
            .iter()
            .find(|h| h.field.equiv("Sec-WebSocket-Key"))
            .map(|h| h.value.as_str().to_owned());
        let Some(key) = key else {
            let _ =
                request.respond(Response::from_string("WebSocket attendu").with_status_code(400));
            return;
        };
        let accept = tungstenite::handshake::derive_accept_key(key.as_bytes());
        let response = Response::empty(101)
            .with_header(Header::from_bytes("Upgrade", "websocket").expect("header"))
            .with_header(Header::from_bytes("Connection", "Upgrade").expect("header"))
            .with_header(Header::from_bytes("Sec-WebSocket-Accept", accept).expect("header"));
        let stream = request.upgrade("websocket", response);
        let mut socket = WebSocket::from_raw_socket(stream, Role::Server, None);
        if let Some(err) = self.error.lock().ok().and_then(|e| e.clone()) {
            let _ = socket.send(Message::text(error_message(&err)));
        }
        if let Ok(mut clients) = self.clients.lock() {
            clients.push(socket);
        }
    }

    pub fn reload(&self) {
        if let Ok(mut e) = self.error.lock() {
            *e = None;
        }
        self.broadcast("{\"type\":\"reload\"}".to_owned());
    }

    pub fn error(&self, text: &str) {
        if let Ok(mut e) = self.error.lock() {
            *e = Some(text.to_owned());
        }
        self.broadcast(error_message(text));
    }

    /// Sends to every page; closed pages are dropped.
    fn broadcast(&self, msg: String) {
        if let Ok(mut clients) = self.clients.lock() {
            clients.retain_mut(|s| s.send(Message::text(msg.clone())).is_ok());
        }
    }
}

fn error_message(text: &str) -> String {
    serde_json::json!({ "type": "error", "message": text }).to_string()
}
