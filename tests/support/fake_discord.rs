//! A fake Discord for tests: REST (HTTP/1.1) and the WebSocket gateway on 127.0.0.1, port 0,
//! speaking only Discord's documented API v10. It records every REST request and lets a test
//! dispatch gateway events (slash commands, autocomplete, button presses, messages).
//!
//! The bot reaches it through `discord.api_base` (serenity's proxy replaces the Discord origin,
//! so paths arrive as `/api/v10/...`); `GET /api/v10/gateway` hands out the WebSocket URL.
//!
//! Faults, as real Discord produces them: scripted REST failures (`fail_times`, `rate_limit`:
//! a status for the next N matching requests, 429s with `retry_after` in the body and the
//! `Retry-After` / `X-RateLimit-Global` headers), gateway closes with a code (`close_gateway`),
//! a dropped socket (`drop_gateway`), and a rejected IDENTIFY (`reject_identify`, e.g. 4004).
//! RESUME (op 6) is answered with RESUMED, IDENTIFY with READY; both are counted.

#![allow(dead_code)]

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, Notify};
use tokio::task::JoinHandle;
use tokio_tungstenite::tungstenite::Message as WsMessage;

pub const BOT_USER_ID: u64 = 1000;
pub const APPLICATION_ID: u64 = 2000;
pub const GUILD_ID: u64 = 400;
pub const CHANNEL_ID: u64 = 300;
/// Discord's permission bit for Manage Server.
pub const MANAGE_GUILD: u64 = 1 << 5;
/// A token of the right shape (three base64url parts); it opens nothing.
pub const TOKEN: &str = "MTAwMDAwMDAwMDAwMDAwMDAw.GfakeX.fake-token-for-tests-only-000000000000";

/// One REST request as the fake saw it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    pub body: Value,
    pub at: Instant,
    pub had_authorization: bool,
    /// The status the fake answered with.
    pub status: u16,
}

/// A scripted REST failure: the next `times` requests whose method matches (or any, if
/// empty) and whose path contains `path_part` get `status`.
#[derive(Debug, Clone)]
struct Fault {
    method: String,
    path_part: String,
    status: u16,
    times: u32,
    retry_after: Option<f64>,
    global: bool,
}

/// What the test sends down the gateway connection.
enum Frame {
    Text(String),
    Close(u16),
    Drop,
}

#[derive(Default)]
struct Shared {
    requests: Mutex<Vec<Recorded>>,
    changed: Notify,
    gateway: Mutex<Option<mpsc::UnboundedSender<Frame>>>,
    faults: Mutex<Vec<Fault>>,
    connections: AtomicU64,
    identifies: AtomicU64,
    resumes: AtomicU64,
    /// READY or RESUMED sent so far: a session is usable again after each.
    sessions: AtomicU64,
    close_on_identify: Mutex<Option<u16>>,
    identify: Mutex<Option<Value>>,
    ready: Notify,
    is_ready: std::sync::atomic::AtomicBool,
    seq: AtomicU64,
    ids: AtomicU64,
    attachments: Mutex<HashMap<String, Vec<u8>>>,
    failures: Mutex<Vec<(String, u16)>>,
    ws_url: Mutex<String>,
    base: Mutex<String>,
}

pub struct FakeDiscord {
    shared: Arc<Shared>,
    tasks: Vec<JoinHandle<()>>,
}

impl Drop for FakeDiscord {
    fn drop(&mut self) {
        for t in &self.tasks {
            t.abort();
        }
    }
}

static NEXT_ID: AtomicU64 = AtomicU64::new(900_000);

fn next_id() -> u64 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

impl FakeDiscord {
    pub async fn start() -> FakeDiscord {
        let rest = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let ws = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let shared = Arc::new(Shared::default());
        *shared.base.lock().unwrap() = format!("http://{}", rest.local_addr().unwrap());
        *shared.ws_url.lock().unwrap() = format!("ws://{}", ws.local_addr().unwrap());
        shared.ids.store(500_000, Ordering::Relaxed);
        let s1 = shared.clone();
        let rest_task = tokio::spawn(async move {
            while let Ok((stream, _)) = rest.accept().await {
                let s = s1.clone();
                tokio::spawn(async move {
                    let _ = serve_http(stream, s).await;
                });
            }
        });
        let s2 = shared.clone();
        let ws_task = tokio::spawn(async move {
            while let Ok((stream, _)) = ws.accept().await {
                let s = s2.clone();
                tokio::spawn(async move {
                    let _ = serve_gateway(stream, s).await;
                });
            }
        });
        FakeDiscord { shared, tasks: vec![rest_task, ws_task] }
    }

    /// `http://127.0.0.1:PORT`, for `discord.api_base`.
    pub fn api_base(&self) -> String {
        self.shared.base.lock().unwrap().clone()
    }

    pub async fn wait_ready(&self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        loop {
            let notified = self.shared.ready.notified();
            if self.shared.is_ready.load(Ordering::Acquire) {
                return true;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() || tokio::time::timeout(left, notified).await.is_err() {
                return self.shared.is_ready.load(Ordering::Acquire);
            }
        }
    }

    /// The bot's IDENTIFY payload (`d`), once it has connected.
    pub fn identify(&self) -> Option<Value> {
        self.shared.identify.lock().unwrap().clone()
    }

    /// Sends a dispatch (op 0) with the next sequence number.
    pub fn dispatch(&self, event: &str, d: Value) {
        let s = self.shared.seq.fetch_add(1, Ordering::Relaxed) + 2;
        let frame = json!({"op": 0, "t": event, "s": s, "d": d}).to_string();
        self.send_frame(Frame::Text(frame));
    }

    fn send_frame(&self, frame: Frame) {
        if let Some(tx) = self.shared.gateway.lock().unwrap().as_ref() {
            let _ = tx.send(frame);
        }
    }

    /// Sends a raw text frame as is (for malformed-event tests).
    pub fn send_raw(&self, frame: &str) {
        self.send_frame(Frame::Text(frame.to_string()));
    }

    /// Closes the gateway connection with a close frame carrying `code` (4000 unknown error,
    /// 1000 normal, 1001 going away, …), as Discord does.
    pub fn close_gateway(&self, code: u16) {
        self.send_frame(Frame::Close(code));
    }

    /// Drops the gateway's TCP connection without a close frame (a network failure).
    pub fn drop_gateway(&self) {
        self.send_frame(Frame::Drop);
    }

    /// Answers every IDENTIFY by closing with `code` (4004: authentication failed).
    pub fn reject_identify(&self, code: u16) {
        *self.shared.close_on_identify.lock().unwrap() = Some(code);
    }

    /// WebSocket connections accepted so far.
    pub fn connections(&self) -> u64 {
        self.shared.connections.load(Ordering::Acquire)
    }

    pub fn identifies(&self) -> u64 {
        self.shared.identifies.load(Ordering::Acquire)
    }

    pub fn resumes(&self) -> u64 {
        self.shared.resumes.load(Ordering::Acquire)
    }

    /// Waits until READY or RESUMED has been sent `n` times in all.
    pub async fn wait_sessions(&self, n: u64, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        loop {
            let notified = self.shared.ready.notified();
            if self.shared.sessions.load(Ordering::Acquire) >= n {
                return true;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() || tokio::time::timeout(left, notified).await.is_err() {
                return self.shared.sessions.load(Ordering::Acquire) >= n;
            }
        }
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.requests.lock().unwrap().clone()
    }

    /// Waits for a request (already received or future) matching `pred`.
    pub async fn wait_for(&self, pred: impl Fn(&Recorded) -> bool, timeout: Duration) -> Option<Recorded> {
        let deadline = Instant::now() + timeout;
        loop {
            let notified = self.shared.changed.notified();
            if let Some(r) = self.requests().into_iter().find(|r| pred(r)) {
                return Some(r);
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() || tokio::time::timeout(left, notified).await.is_err() {
                return self.requests().into_iter().find(|r| pred(r));
            }
        }
    }

    /// Serves `bytes` at a URL on this fake, for attachments the bot downloads.
    pub fn add_attachment(&self, name: &str, bytes: Vec<u8>) -> String {
        self.shared.attachments.lock().unwrap().insert(name.to_string(), bytes);
        format!("{}/attachments/{name}", self.api_base())
    }

    /// Makes REST calls whose path contains `path_part` fail with `status`.
    pub fn fail(&self, path_part: &str, status: u16) {
        self.shared.failures.lock().unwrap().push((path_part.to_string(), status));
    }

    /// The next `times` requests with `method` (any if empty) whose path contains `path_part`
    /// get `status` (500, 502, …) with Discord's error body.
    pub fn fail_times(&self, method: &str, path_part: &str, status: u16, times: u32) {
        self.push_fault(Fault {
            method: method.into(),
            path_part: path_part.into(),
            status,
            times,
            retry_after: None,
            global: false,
        });
    }

    /// The next `times` matching requests get 429 with `retry_after` seconds, in the body and
    /// the `Retry-After` header (rounded up, as Discord does), marked global if asked.
    pub fn rate_limit(&self, method: &str, path_part: &str, retry_after: f64, global: bool, times: u32) {
        self.push_fault(Fault {
            method: method.into(),
            path_part: path_part.into(),
            status: 429,
            times,
            retry_after: Some(retry_after),
            global,
        });
    }

    fn push_fault(&self, f: Fault) {
        self.shared.faults.lock().unwrap().push(f);
    }

    /// Requests the fake answered with `status`.
    pub fn count_status(&self, status: u16) -> usize {
        self.requests().iter().filter(|r| r.status == status).count()
    }
}

// ---------------------------------------------------------------------------------------
// Payload builders (the fields serenity 0.12 needs, as Discord documents them)

fn user(id: u64, bot: bool) -> Value {
    json!({"id": id.to_string(), "username": format!("user{id}"), "discriminator": "0", "global_name": null, "avatar": null, "bot": bot})
}

fn member(user_id: u64, permissions: u64, roles: &[u64]) -> Value {
    json!({
        "user": user(user_id, false),
        "roles": roles.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
        "joined_at": "2024-01-01T00:00:00+00:00",
        "deaf": false, "mute": false, "flags": 0, "pending": false,
        "permissions": permissions.to_string(),
    })
}

fn interaction(kind: u8, data: Value, user_id: u64, permissions: u64, roles: &[u64]) -> Value {
    let id = next_id();
    json!({
        "id": id.to_string(),
        "application_id": APPLICATION_ID.to_string(),
        "type": kind,
        "token": format!("tok{id}"),
        "version": 1,
        "guild_id": GUILD_ID.to_string(),
        "channel_id": CHANNEL_ID.to_string(),
        "channel": {"id": CHANNEL_ID.to_string(), "type": 0},
        "locale": "en-US",
        "guild_locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {},
        "attachment_size_limit": 10485760,
        "app_permissions": "2248473465835073",
        "member": member(user_id, permissions, roles),
        "data": data,
    })
}

/// A slash command (`type 2`). `options` is the documented array of `{name, type, value}`.
pub fn slash_command(name: &str, options: Value, user_id: u64, permissions: u64, roles: &[u64]) -> Value {
    let data = json!({"id": "7000", "name": name, "type": 1, "options": options, "guild_id": GUILD_ID.to_string()});
    interaction(2, data, user_id, permissions, roles)
}

/// A slash command with a `resolved` attachment (for `/ingest`).
pub fn slash_command_with_attachment(
    name: &str,
    options: Value,
    attachment: Value,
    user_id: u64,
    permissions: u64,
) -> Value {
    let id = attachment["id"].as_str().unwrap().to_string();
    let data = json!({
        "id": "7001", "name": name, "type": 1, "options": options, "guild_id": GUILD_ID.to_string(),
        "resolved": {"attachments": {id: attachment}},
    });
    interaction(2, data, user_id, permissions, &[])
}

pub fn attachment(id: u64, filename: &str, size: usize, url: &str) -> Value {
    json!({"id": id.to_string(), "filename": filename, "size": size, "url": url, "proxy_url": url, "content_type": "text/plain; charset=utf-8"})
}

/// An autocomplete request (`type 4`); mark the option being typed with `"focused": true`.
pub fn autocomplete(name: &str, options: Value, user_id: u64) -> Value {
    let data = json!({"id": "7000", "name": name, "type": 1, "options": options});
    interaction(4, data, user_id, 0, &[])
}

/// A button press (`type 3`) on `message`.
pub fn button_click(custom_id: &str, message: Value, user_id: u64) -> Value {
    let mut i = interaction(3, json!({"custom_id": custom_id, "component_type": 2}), user_id, 0, &[]);
    i["message"] = message;
    i
}

/// A message as Discord returns it (used for the message a button sits on).
pub fn message(id: u64, author: u64, content: &str) -> Value {
    json!({
        "id": id.to_string(), "channel_id": CHANNEL_ID.to_string(), "guild_id": GUILD_ID.to_string(),
        "author": user(author, author == BOT_USER_ID), "content": content,
        "timestamp": "2024-05-17T12:00:00+00:00", "edited_timestamp": null, "tts": false,
        "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": [], "embeds": [],
        "pinned": false, "type": 0, "components": [],
    })
}

/// MESSAGE_CREATE `d` for a member's message, mentioning the bot if asked.
pub fn user_message(content: &str, user_id: u64, mentions_bot: bool) -> Value {
    let mut m = message(next_id(), user_id, content);
    if mentions_bot {
        m["mentions"] = json!([user(BOT_USER_ID, true)]);
    }
    m["member"] = json!({"roles": [], "joined_at": "2024-01-01T00:00:00+00:00", "deaf": false, "mute": false});
    m
}

// ---------------------------------------------------------------------------------------
// REST

async fn serve_http(stream: TcpStream, shared: Arc<Shared>) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut reader = BufReader::new(read);
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let mut parts = line.split_whitespace();
        let method = parts.next().unwrap_or("").to_string();
        let target = parts.next().unwrap_or("").to_string();
        let mut length = 0usize;
        let mut chunked = false;
        let mut auth = false;
        let mut content_type = String::new();
        loop {
            let mut h = String::new();
            reader.read_line(&mut h).await?;
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            let (k, v) = h.split_once(':').unwrap_or((h, ""));
            match k.trim().to_ascii_lowercase().as_str() {
                "content-length" => length = v.trim().parse().unwrap_or(0),
                "transfer-encoding" => chunked = v.to_ascii_lowercase().contains("chunked"),
                "authorization" => auth = !v.trim().is_empty(),
                "content-type" => content_type = v.trim().to_string(),
                _ => {}
            }
        }
        let mut body = vec![0u8; length];
        if chunked {
            body.clear();
            loop {
                let mut size = String::new();
                reader.read_line(&mut size).await?;
                let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
                let mut chunk = vec![0u8; n + 2];
                reader.read_exact(&mut chunk).await?;
                if n == 0 {
                    break;
                }
                body.extend_from_slice(&chunk[..n]);
            }
        } else {
            reader.read_exact(&mut body).await?;
        }
        let json_body = parse_body(&body, &content_type);
        let path = target.split('?').next().unwrap_or("").to_string();
        let mut extra_headers = String::new();
        let (status, response, raw) = match take_fault(&shared, &method, &path) {
            Some(f) if f.status == 429 => {
                let after = f.retry_after.unwrap_or(1.0);
                extra_headers = format!(
                    "Retry-After: {}\r\nX-RateLimit-Scope: {}\r\n{}",
                    after.ceil() as u64,
                    if f.global { "global" } else { "user" },
                    if f.global { "X-RateLimit-Global: true\r\n" } else { "" }
                );
                (429, json!({"message": "You are being rate limited.", "retry_after": after, "global": f.global}), None)
            }
            Some(f) => (f.status, json!({"message": "Internal Server Error", "code": 0}), None),
            None => route(&shared, &method, &path, &json_body),
        };
        shared.requests.lock().unwrap().push(Recorded {
            method: method.clone(),
            path: path.clone(),
            body: json_body,
            at: Instant::now(),
            had_authorization: auth,
            status,
        });
        shared.changed.notify_waiters();
        let reason = match status {
            200 => "OK",
            204 => "No Content",
            404 => "Not Found",
            429 => "Too Many Requests",
            _ => "Error",
        };
        let (ctype, payload) = match raw {
            Some(bytes) => ("text/plain; charset=utf-8", bytes),
            None if status == 204 => ("application/json", Vec::new()),
            None => ("application/json", response.to_string().into_bytes()),
        };
        let head = format!(
            "HTTP/1.1 {status} {reason}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n{extra_headers}\r\n",
            payload.len()
        );
        write.write_all(head.as_bytes()).await?;
        write.write_all(&payload).await?;
        write.flush().await?;
    }
}

/// Uses up one count of the first scripted fault matching this request.
fn take_fault(shared: &Shared, method: &str, path: &str) -> Option<Fault> {
    let mut faults = shared.faults.lock().unwrap();
    let i = faults.iter().position(|f| {
        f.times > 0 && (f.method.is_empty() || f.method == method) && path.contains(f.path_part.as_str())
    })?;
    faults[i].times -= 1;
    Some(faults[i].clone())
}

fn parse_body(body: &[u8], content_type: &str) -> Value {
    if body.is_empty() {
        return Value::Null;
    }
    if content_type.starts_with("multipart/form-data") {
        // The JSON part is `payload_json`.
        let text = String::from_utf8_lossy(body);
        if let Some(at) = text.find("name=\"payload_json\"") {
            let rest = &text[at..];
            if let Some(start) = rest.find("\r\n\r\n") {
                let json_part = &rest[start + 4..];
                let end = json_part.find("\r\n--").unwrap_or(json_part.len());
                return serde_json::from_str(&json_part[..end]).unwrap_or(Value::Null);
            }
        }
        return Value::Null;
    }
    serde_json::from_slice(body).unwrap_or_else(|_| Value::String(String::from_utf8_lossy(body).into_owned()))
}

fn returned_message(shared: &Shared, body: &Value) -> Value {
    let id = shared.ids.fetch_add(1, Ordering::Relaxed);
    let mut m = message(id, BOT_USER_ID, body.get("content").and_then(Value::as_str).unwrap_or(""));
    if let Some(f) = body.get("flags") {
        m["flags"] = f.clone();
    }
    m
}

fn route(shared: &Shared, method: &str, path: &str, body: &Value) -> (u16, Value, Option<Vec<u8>>) {
    if let Some((_, status)) = shared.failures.lock().unwrap().iter().find(|(p, _)| path.contains(p.as_str())) {
        return (*status, json!({"message": "failure injected by the test", "code": 0}), None);
    }
    let seg: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    if let ["attachments", name] = seg.as_slice() {
        return match shared.attachments.lock().unwrap().get(*name) {
            Some(b) => (200, Value::Null, Some(b.clone())),
            None => (404, json!({"message": "404: Not Found", "code": 0}), None),
        };
    }
    let app = APPLICATION_ID.to_string();
    match (method, seg.as_slice()) {
        ("GET", ["api", "v10", "gateway"]) => (200, json!({"url": *shared.ws_url.lock().unwrap()}), None),
        ("GET", ["api", "v10", "gateway", "bot"]) => (
            200,
            json!({"url": *shared.ws_url.lock().unwrap(), "shards": 1,
                   "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}}),
            None,
        ),
        ("GET", ["api", "v10", "oauth2", "applications", "@me"]) | ("GET", ["api", "v10", "applications", "@me"]) => (
            200,
            json!({"id": app, "name": "summitbot", "icon": null, "description": "", "bot_public": true,
                   "bot_require_code_grant": false, "verify_key": "0", "flags": 0, "owner": user(1, false), "team": null}),
            None,
        ),
        ("GET", ["api", "v10", "users", "@me"]) => (200, user(BOT_USER_ID, true), None),
        ("PUT", ["api", "v10", "applications", _, "commands"])
        | ("PUT", ["api", "v10", "applications", _, "guilds", _, "commands"]) => {
            let cmds: Vec<Value> = body
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .enumerate()
                .map(|(i, mut c)| {
                    c["id"] = json!((7000 + i).to_string());
                    c["application_id"] = json!(app);
                    c["version"] = json!("1");
                    if c.get("type").is_none() {
                        c["type"] = json!(1);
                    }
                    if c.get("description").is_none() {
                        c["description"] = json!("");
                    }
                    c
                })
                .collect();
            (200, Value::Array(cmds), None)
        }
        ("POST", ["api", "v10", "interactions", _, _, "callback"]) => (204, Value::Null, None),
        ("PATCH", ["api", "v10", "webhooks", _, _, "messages", _])
        | ("GET", ["api", "v10", "webhooks", _, _, "messages", _])
        | ("POST", ["api", "v10", "webhooks", _, _])
        | ("POST", ["api", "v10", "channels", _, "messages"]) => (200, returned_message(shared, body), None),
        ("DELETE", ["api", "v10", "webhooks", _, _, "messages", _]) => (204, Value::Null, None),
        ("POST", ["api", "v10", "channels", _, "typing"]) => (204, Value::Null, None),
        _ => (404, json!({"message": "404: Not Found", "code": 0}), None),
    }
}

// ---------------------------------------------------------------------------------------
// Gateway

async fn serve_gateway(stream: TcpStream, shared: Arc<Shared>) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    use tokio_tungstenite::tungstenite::protocol::{frame::coding::CloseCode, CloseFrame};
    let ws = tokio_tungstenite::accept_async(stream).await?;
    shared.connections.fetch_add(1, Ordering::AcqRel);
    let (mut sink, mut source) = ws.split();
    sink.send(WsMessage::Text(json!({"op": 10, "d": {"heartbeat_interval": 41250}}).to_string())).await?;
    let (tx, mut rx) = mpsc::unbounded_channel::<Frame>();
    *shared.gateway.lock().unwrap() = Some(tx);
    let close = |code: u16| WsMessage::Close(Some(CloseFrame { code: CloseCode::from(code), reason: "".into() }));
    loop {
        tokio::select! {
            incoming = source.next() => {
                let Some(msg) = incoming else { break };
                let msg = msg?;
                let text = match msg {
                    WsMessage::Text(t) => t,
                    WsMessage::Close(_) => {
                        // Completes the closing handshake, as Discord does when a bot logs off.
                        let _ = sink.close().await;
                        break;
                    }
                    _ => continue,
                };
                let v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
                match v["op"].as_u64() {
                    Some(1) => sink.send(WsMessage::Text(json!({"op": 11}).to_string())).await?,
                    Some(2) => {
                        shared.identifies.fetch_add(1, Ordering::AcqRel);
                        *shared.identify.lock().unwrap() = Some(v["d"].clone());
                        let reject = *shared.close_on_identify.lock().unwrap();
                        if let Some(code) = reject {
                            sink.send(close(code)).await?;
                            break;
                        }
                        let shard = v["d"]["shard"].clone();
                        let ready = json!({"op": 0, "t": "READY", "s": 1, "d": {
                            "v": 10, "user": user(BOT_USER_ID, true), "guilds": [], "session_id": "fake-session",
                            "resume_gateway_url": *shared.ws_url.lock().unwrap(),
                            "application": {"id": APPLICATION_ID.to_string(), "flags": 0},
                            "shard": if shard.is_array() { shard } else { json!([0, 1]) },
                        }});
                        sink.send(WsMessage::Text(ready.to_string())).await?;
                        shared.sessions.fetch_add(1, Ordering::AcqRel);
                        shared.is_ready.store(true, Ordering::Release);
                        shared.ready.notify_waiters();
                    }
                    Some(6) => {
                        shared.resumes.fetch_add(1, Ordering::AcqRel);
                        let s = shared.seq.fetch_add(1, Ordering::Relaxed) + 2;
                        let resumed = json!({"op": 0, "t": "RESUMED", "s": s, "d": {}});
                        sink.send(WsMessage::Text(resumed.to_string())).await?;
                        shared.sessions.fetch_add(1, Ordering::AcqRel);
                        shared.ready.notify_waiters();
                    }
                    _ => {}
                }
            }
            outgoing = rx.recv() => {
                match outgoing {
                    None | Some(Frame::Drop) => break,
                    Some(Frame::Text(frame)) => sink.send(WsMessage::Text(frame)).await?,
                    Some(Frame::Close(code)) => {
                        sink.send(close(code)).await?;
                        break;
                    }
                }
            }
        }
    }
    Ok(())
}
