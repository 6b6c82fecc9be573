//! Numbers for operators: questions by outcome, answer latency, feedback, re-index durations
//! and Discord retries, kept in atomics and served as Prometheus text at `/metrics` when
//! `metrics.listen` is set. The endpoint is a few lines on a tokio `TcpListener` rather than
//! a web framework: it serves one read-only page.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use super::state::Data;

/// How a question ended, for the per-question log line and the `outcome` label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// At least one quote or passage was sent.
    Answered,
    /// The corpus has no answer, and the user was told so.
    NoAnswer,
    /// The question was refused (empty, too long).
    Refused,
    /// The user asked too often.
    RateLimited,
    /// Something failed on our side; the user got an apology.
    Failed,
}

impl Outcome {
    pub const ALL: [Outcome; 5] =
        [Outcome::Answered, Outcome::NoAnswer, Outcome::Refused, Outcome::RateLimited, Outcome::Failed];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Answered => "answered",
            Outcome::NoAnswer => "no_answer",
            Outcome::Refused => "refused",
            Outcome::RateLimited => "rate_limited",
            Outcome::Failed => "failed",
        }
    }
}

/// Why a request to Discord was sent again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    RateLimited,
    ServerError,
    Connection,
}

/// A histogram with fixed upper bounds (seconds), as Prometheus expects: cumulative buckets,
/// a sum and a count.
#[derive(Debug)]
pub struct Histogram {
    bounds: &'static [f64],
    counts: Vec<AtomicU64>,
    sum_micros: AtomicU64,
    count: AtomicU64,
}

impl Histogram {
    pub fn new(bounds: &'static [f64]) -> Self {
        Histogram {
            bounds,
            counts: bounds.iter().map(|_| AtomicU64::new(0)).collect(),
            sum_micros: AtomicU64::new(0),
            count: AtomicU64::new(0),
        }
    }

    pub fn observe(&self, d: Duration) {
        let secs = d.as_secs_f64();
        if let Some(i) = self.bounds.iter().position(|b| secs <= *b) {
            self.counts[i].fetch_add(1, Ordering::Relaxed);
        }
        self.sum_micros.fetch_add(d.as_micros() as u64, Ordering::Relaxed);
        self.count.fetch_add(1, Ordering::Relaxed);
    }

    pub fn count(&self) -> u64 {
        self.count.load(Ordering::Relaxed)
    }

    fn render(&self, out: &mut String, name: &str, help: &str) {
        let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} histogram");
        let mut cumulative = 0;
        for (b, c) in self.bounds.iter().zip(&self.counts) {
            cumulative += c.load(Ordering::Relaxed);
            let _ = writeln!(out, "{name}_bucket{{le=\"{b}\"}} {cumulative}");
        }
        let count = self.count();
        let _ = writeln!(out, "{name}_bucket{{le=\"+Inf\"}} {count}");
        let _ = writeln!(out, "{name}_sum {}", self.sum_micros.load(Ordering::Relaxed) as f64 / 1e6);
        let _ = writeln!(out, "{name}_count {count}");
    }
}

const LATENCY_BOUNDS: &[f64] = &[0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0];
const REINDEX_BOUNDS: &[f64] = &[0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0];

#[derive(Debug)]
pub struct Metrics {
    questions: [AtomicU64; 5],
    pub answer_latency: Histogram,
    pub reindex_duration: Histogram,
    reindex_failures: AtomicU64,
    retries: [AtomicU64; 3],
    send_failures: AtomicU64,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics {
            questions: Default::default(),
            answer_latency: Histogram::new(LATENCY_BOUNDS),
            reindex_duration: Histogram::new(REINDEX_BOUNDS),
            reindex_failures: AtomicU64::new(0),
            retries: Default::default(),
            send_failures: AtomicU64::new(0),
        }
    }
}

impl Metrics {
    pub fn question(&self, outcome: Outcome, latency: Duration) {
        let i = Outcome::ALL.iter().position(|o| *o == outcome).unwrap_or(0);
        self.questions[i].fetch_add(1, Ordering::Relaxed);
        self.answer_latency.observe(latency);
    }

    pub fn questions(&self, outcome: Outcome) -> u64 {
        let i = Outcome::ALL.iter().position(|o| *o == outcome).unwrap_or(0);
        self.questions[i].load(Ordering::Relaxed)
    }

    pub fn reindexed(&self, took: Duration, ok: bool) {
        if ok {
            self.reindex_duration.observe(took);
        } else {
            self.reindex_failures.fetch_add(1, Ordering::Relaxed);
        }
    }

    pub fn retry(&self, why: Retry) {
        self.retries[why as usize].fetch_add(1, Ordering::Relaxed);
    }

    pub fn retries(&self, why: Retry) -> u64 {
        self.retries[why as usize].load(Ordering::Relaxed)
    }

    pub fn send_failed(&self) {
        self.send_failures.fetch_add(1, Ordering::Relaxed);
    }

    /// The Prometheus text exposition (format 0.0.4) of these numbers and `data`'s counters.
    pub fn render(&self, data: &Data) -> String {
        let mut out = String::new();
        let counter = |out: &mut String, name: &str, help: &str| {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} counter");
        };
        counter(&mut out, "summitbot_questions_total", "Questions received (slash commands and mentions), by outcome.");
        for (o, c) in Outcome::ALL.iter().zip(&self.questions) {
            let _ =
                writeln!(out, "summitbot_questions_total{{outcome=\"{}\"}} {}", o.as_str(), c.load(Ordering::Relaxed));
        }
        self.answer_latency.render(
            &mut out,
            "summitbot_answer_latency_seconds",
            "From receiving a question to its reply being accepted by Discord.",
        );
        counter(&mut out, "summitbot_feedback_total", "Feedback button votes (one per user and reply).");
        let _ = writeln!(
            out,
            "summitbot_feedback_total{{vote=\"helpful\"}} {}",
            data.stats.helpful.load(Ordering::Relaxed)
        );
        let _ = writeln!(
            out,
            "summitbot_feedback_total{{vote=\"unhelpful\"}} {}",
            data.stats.unhelpful.load(Ordering::Relaxed)
        );
        self.reindex_duration.render(&mut out, "summitbot_reindex_duration_seconds", "Successful re-index durations.");
        counter(&mut out, "summitbot_reindex_failures_total", "Re-indexes that failed (the old index stayed live).");
        let _ = writeln!(out, "summitbot_reindex_failures_total {}", self.reindex_failures.load(Ordering::Relaxed));
        counter(&mut out, "summitbot_discord_retries_total", "Requests to Discord sent again, by reason.");
        for (why, name) in [
            (Retry::RateLimited, "rate_limited"),
            (Retry::ServerError, "server_error"),
            (Retry::Connection, "connection"),
        ] {
            let _ = writeln!(out, "summitbot_discord_retries_total{{reason=\"{name}\"}} {}", self.retries(why));
        }
        counter(&mut out, "summitbot_discord_send_failures_total", "Replies Discord did not accept after retrying.");
        let _ = writeln!(out, "summitbot_discord_send_failures_total {}", self.send_failures.load(Ordering::Relaxed));
        let engine = data.engine();
        let _ = writeln!(
            out,
            "# HELP summitbot_index_documents Documents (units, articles, timeline entries) in the live index.\n# TYPE summitbot_index_documents gauge\nsummitbot_index_documents {}",
            engine.index().manifest.docs
        );
        let _ = writeln!(
            out,
            "# HELP summitbot_uptime_seconds Seconds since the bot started.\n# TYPE summitbot_uptime_seconds gauge\nsummitbot_uptime_seconds {}",
            data.started_at.elapsed().as_secs()
        );
        out
    }
}

/// Serves `GET /metrics` on `listener` until the task is dropped. Anything else is a 404;
/// requests are read up to a small bound (the endpoint takes no input).
pub async fn serve(listener: TcpListener, data: Arc<Data>) {
    loop {
        let Ok((mut stream, _)) = listener.accept().await else { continue };
        let data = data.clone();
        tokio::spawn(async move {
            let mut buf = vec![0u8; 4096];
            let mut len = 0;
            // Read the request head (a scraper sends no body).
            while len < buf.len() {
                match tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buf[len..])).await {
                    Ok(Ok(0)) | Err(_) | Ok(Err(_)) => break,
                    Ok(Ok(n)) => len += n,
                }
                if buf[..len].windows(4).any(|w| w == b"\r\n\r\n") {
                    break;
                }
            }
            let head = String::from_utf8_lossy(&buf[..len]);
            let mut first = head.lines().next().unwrap_or("").split_whitespace();
            let (method, path) = (first.next().unwrap_or(""), first.next().unwrap_or(""));
            let (status, body) = if method == "GET" && path.split('?').next() == Some("/metrics") {
                ("200 OK", data.metrics.render(&data))
            } else {
                ("404 Not Found", "not found; the metrics are at /metrics\n".to_string())
            };
            let response = format!(
                "HTTP/1.1 {status}\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(response.as_bytes()).await;
            let _ = stream.shutdown().await;
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_buckets_are_cumulative_and_end_with_the_total_count() {
        let h = Histogram::new(&[0.1, 1.0]);
        h.observe(Duration::from_millis(50));
        h.observe(Duration::from_millis(500));
        h.observe(Duration::from_secs(5));
        let mut out = String::new();
        h.render(&mut out, "x", "help");
        assert!(out.contains("x_bucket{le=\"0.1\"} 1\n"), "{out}");
        assert!(out.contains("x_bucket{le=\"1\"} 2\n"), "{out}");
        assert!(out.contains("x_bucket{le=\"+Inf\"} 3\n"), "{out}");
        assert!(out.contains("x_sum 5.55\n") && out.contains("x_count 3\n"), "{out}");
    }
}
