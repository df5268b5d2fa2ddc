//! Live reload over WebSocket: open pages reload after a good build and show an overlay with
//! the diagnostics after a broken one. Each page has its own task reading a watch channel, so
//! a page that stops reading only ever stalls itself, never a rebuild or another page.

use axum::extract::ws::{Message, WebSocket};
use std::time::Duration;
use tokio::sync::watch;

/// What the pages should do now.
#[derive(Clone, Debug, PartialEq)]
pub enum Signal {
    Reload,
    Error(String),
}

pub struct Channel {
    tx: watch::Sender<Signal>,
}

/// A page that does not take a message within this delay is dropped.
const SEND_TIMEOUT: Duration = Duration::from_secs(5);

impl Channel {
    pub fn new() -> Self {
        Channel {
            tx: watch::Sender::new(Signal::Reload),
        }
    }

    pub fn reload(&self) {
        self.tx.send_replace(Signal::Reload);
    }

    pub fn error(&self, text: &str) {
        self.tx.send_replace(Signal::Error(text.to_owned()));
    }

    /// Serves one page's socket until it closes.
    pub async fn serve(&self, mut socket: WebSocket) {
        let mut rx = self.tx.subscribe();
        // A page that connects while the content is broken learns it at once.
        let current = rx.borrow_and_update().clone();
        if let Signal::Error(_) = current {
            if !send(&mut socket, &current).await {
                return;
            }
        }
        loop {
            let changed = tokio::select! {
                r = rx.changed() => r.is_ok(),
                incoming = socket.recv() => match incoming {
                    Some(Ok(Message::Close(_))) | Some(Err(_)) | None => false,
                    Some(Ok(_)) => continue,
                },
            };
            if !changed {
                return;
            }
            let signal = rx.borrow_and_update().clone();
            if !send(&mut socket, &signal).await {
                return;
            }
        }
    }
}

async fn send(socket: &mut WebSocket, signal: &Signal) -> bool {
    let text = match signal {
        Signal::Reload => "{\"type\":\"reload\"}".to_owned(),
        Signal::Error(message) => {
            serde_json::json!({ "type": "error", "message": message }).to_string()
        }
    };
    matches!(
        tokio::time::timeout(SEND_TIMEOUT, socket.send(Message::Text(text.into()))).await,
        Ok(Ok(()))
    )
}
