//! Every reply, edit, follow-up and interaction response goes out through [`Sender::send`],
//! which retries what Discord asks to be retried and gives up within a bound:
//!
//! - 429: waits the `retry_after` Discord gives (JSON body, else the `Retry-After` header); a
//!   global limit (`"global": true` or `X-RateLimit-Global`) pauses every send, not just this
//!   route;
//! - 500, 502, 503, 504 and refused connections: backs off 250 ms, 500 ms, 1 s, 2 s;
//! - anything else (400, 403, 404…): no retry, the caller apologises.
//!
//! Why not serenity's client: its rate limiter is off when the bot talks through a proxy (as
//! in the tests' fake Discord), it never retries 5xx, and its errors drop `retry_after`.
//! Requests are still built by serenity (`Request::build`: routes, headers, proxy), and sent
//! with a client of the same `reqwest` version so the response can be read here.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use ::serenity::http::{Http, LightMethod, Request, Route};

use super::metrics::{Metrics, Retry};

/// Tries per request (the first included).
pub const MAX_ATTEMPTS: u32 = 5;
/// Time allowed for a reply to get through: far inside the 15 minutes an interaction token
/// lives, and short enough that a user who waited this long is better off told to retry.
pub const REPLY_BUDGET: Duration = Duration::from_secs(30);
/// An interaction must be acknowledged within 3 s of its creation.
pub const ACK_BUDGET: Duration = Duration::from_millis(2500);
/// One request's own time limit.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// Why a send did not get through.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    #[error("Discord answered HTTP {status} to {attempts} attempt(s); gave up: {why}")]
    GaveUp { status: u16, attempts: u32, why: &'static str },
    #[error("Discord refused the request: HTTP {status} {message}")]
    Refused { status: u16, message: String },
    #[error("could not reach Discord: {0}")]
    Transport(String),
    #[error("could not build the request: {0}")]
    Build(String),
}

impl SendError {
    /// HTTP status Discord last answered (0 when it never answered).
    pub fn status(&self) -> u16 {
        match self {
            SendError::GaveUp { status, .. } | SendError::Refused { status, .. } => *status,
            _ => 0,
        }
    }
}

/// Sends requests with the retry policy above. One per bot, shared by all handlers.
#[derive(Debug)]
pub struct Sender {
    client: reqwest::Client,
    /// Until when a global rate limit holds every send back.
    global_until: Mutex<Option<Instant>>,
}

impl Default for Sender {
    fn default() -> Self {
        let client = reqwest::Client::builder().timeout(REQUEST_TIMEOUT).build().unwrap_or_default();
        Sender { client, global_until: Mutex::new(None) }
    }
}

/// One request: `what` names it in logs (never the URL: it holds the interaction token).
#[derive(Debug, Clone, Copy)]
pub struct Call<'a> {
    pub what: &'static str,
    pub route: Route<'a>,
    pub method: LightMethod,
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateLimit {
    pub wait: Duration,
    pub global: bool,
}

/// Reads a 429's wait and scope: the JSON body's `retry_after` (seconds, fractional) and
/// `global`, else the `Retry-After` header (seconds) and `X-RateLimit-Global` /
/// `X-RateLimit-Scope: global`. Without either, one second.
pub fn rate_limit(retry_after_header: Option<&str>, global_header: bool, body: &str) -> RateLimit {
    let json: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    let secs = json["retry_after"]
        .as_f64()
        .or_else(|| retry_after_header.and_then(|h| h.trim().parse::<f64>().ok()))
        .filter(|s| s.is_finite())
        .unwrap_or(1.0)
        .max(0.0);
    // Bounded so that a silly value cannot overflow; the budget check refuses long waits.
    let wait = Duration::from_secs_f64(secs.min(86_400.0));
    RateLimit { wait, global: json["global"].as_bool().unwrap_or(false) || global_header }
}

/// Backoff after the `attempt`-th failure (1-based): 250 ms, 500 ms, 1 s, 2 s, …
pub fn backoff(attempt: u32) -> Duration {
    Duration::from_millis(250u64 << attempt.saturating_sub(1).min(6))
}

/// Discord's `message` from an error body, bounded, for logs and errors.
fn discord_message(body: &str) -> String {
    let json: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    json["message"].as_str().unwrap_or("").chars().take(200).collect()
}

impl Sender {
    async fn wait_for_global_limit(&self) {
        let until = *self.global_until.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(until) = until {
            let now = Instant::now();
            if until > now {
                tokio::time::sleep(until - now).await;
            }
        }
    }

    fn hold_everything_until(&self, until: Instant) {
        let mut g = self.global_until.lock().unwrap_or_else(|e| e.into_inner());
        if g.is_none_or(|t| t < until) {
            *g = Some(until);
        }
    }

    /// Sends `body` as JSON to `call`'s route, retrying as described in the module docs, for
    /// at most `budget` from now.
    pub async fn send(
        &self,
        http: &Http,
        metrics: &Metrics,
        call: Call<'_>,
        body: &impl serde::Serialize,
        budget: Duration,
    ) -> Result<(), SendError> {
        let Call { what, route, method } = call;
        let bytes = serde_json::to_vec(body).map_err(|e| SendError::Build(e.to_string()))?;
        let started = Instant::now();
        let mut attempt = 0;
        loop {
            self.wait_for_global_limit().await;
            attempt += 1;
            let request = Request::new(route, method)
                .body(Some(bytes.clone()))
                .build(&self.client, http.token(), http.proxy.as_deref())
                .map_err(|e| SendError::Build(e.to_string()))?;
            let (status, wait, why) = match request.send().await {
                Ok(r) if r.status().is_success() => {
                    if attempt > 1 {
                        tracing::info!(what, attempt, "Discord accepted the request after retrying");
                    }
                    return Ok(());
                }
                Ok(r) => {
                    let status = r.status().as_u16();
                    let header = |name: &str| r.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
                    let retry_after = header("retry-after");
                    let global_header = header("x-ratelimit-global").is_some_and(|v| v.eq_ignore_ascii_case("true"))
                        || header("x-ratelimit-scope").is_some_and(|v| v.eq_ignore_ascii_case("global"));
                    let body = r.text().await.unwrap_or_default();
                    match status {
                        429 => {
                            let limit = rate_limit(retry_after.as_deref(), global_header, &body);
                            if limit.global {
                                self.hold_everything_until(Instant::now() + limit.wait);
                            }
                            metrics.retry(Retry::RateLimited);
                            let why = if limit.global { "global rate limit" } else { "rate limited" };
                            (status, limit.wait, why)
                        }
                        500 | 502 | 503 | 504 => {
                            metrics.retry(Retry::ServerError);
                            (status, backoff(attempt), "server error")
                        }
                        _ => return Err(SendError::Refused { status, message: discord_message(&body) }),
                    }
                }
                Err(e) if e.is_connect() => {
                    metrics.retry(Retry::Connection);
                    (0, backoff(attempt), "connection refused")
                }
                Err(e) => return Err(SendError::Transport(e.without_url().to_string())),
            };
            if attempt >= MAX_ATTEMPTS {
                return Err(SendError::GaveUp { status, attempts: attempt, why: "too many failed attempts" });
            }
            if started.elapsed() + wait > budget {
                return Err(SendError::GaveUp {
                    status,
                    attempts: attempt,
                    why: "Discord asked to wait longer than a reply may take",
                });
            }
            tracing::warn!(
                what,
                status,
                attempt,
                wait_ms = wait.as_millis() as u64,
                reason = why,
                "retrying a request to Discord"
            );
            tokio::time::sleep(wait).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_comes_from_the_body_first_then_the_header_then_a_default() {
        let r = rate_limit(
            Some("7"),
            false,
            r#"{"message": "You are being rate limited.", "retry_after": 0.25, "global": false}"#,
        );
        assert_eq!(r, RateLimit { wait: Duration::from_millis(250), global: false });
        let r = rate_limit(Some("2"), true, "");
        assert_eq!(r, RateLimit { wait: Duration::from_secs(2), global: true });
        let r = rate_limit(None, false, r#"{"retry_after": 1.5, "global": true}"#);
        assert_eq!(r, RateLimit { wait: Duration::from_millis(1500), global: true });
        assert_eq!(rate_limit(None, false, "junk").wait, Duration::from_secs(1));
        assert_eq!(rate_limit(Some("-3"), false, "").wait, Duration::ZERO);
    }

    #[test]
    fn backoff_doubles_from_a_quarter_second() {
        let waits: Vec<u64> = (1..=4).map(|a| backoff(a).as_millis() as u64).collect();
        assert_eq!(waits, [250, 500, 1000, 2000]);
    }
}
