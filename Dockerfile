# summitbot: build the release binary, then run it as a non-root user on a slim image with
# the corpus baked in and the index on a volume (built at first start if missing).
#
#   docker build -t summitbot .
#   docker run -d --name summitbot -e SUMMITBOT__DISCORD__TOKEN=... -v summitbot-data:/app/data summitbot
#   (add -v summitbot-corpus:/app/corpus to keep articles added with /ingest)
#
# `summitbot health` is the HEALTHCHECK: it opens the index and answers a probe question.
FROM rust:1.95-slim-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock rustfmt.toml build.rs ./
COPY src ./src
COPY benches ./benches
COPY config ./config
RUN cargo build --release --locked --bin summitbot

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --user-group --home-dir /app --no-create-home summitbot
WORKDIR /app
COPY --from=build /src/target/release/summitbot /usr/local/bin/summitbot
COPY docker/entrypoint.sh /usr/local/bin/summitbot-entrypoint
COPY config ./config
COPY corpus ./corpus
# The program and config belong to root (read-only to the bot). data/ (the index) and corpus/
# (where /ingest adds articles) are the bot's; mount both to keep them across containers.
RUN chmod 0755 /usr/local/bin/summitbot-entrypoint && mkdir -p data && chown -R summitbot:summitbot data corpus
USER summitbot
ENV RUST_LOG=warn,summitbot=info \
    SUMMITBOT__INDEX__DIR=/app/data/index \
    SUMMITBOT__CORPUS__DIR=/app/corpus
VOLUME ["/app/data"]
# The first start builds the index (seconds for the bundled corpus): give it time before
# failed checks count.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["summitbot", "health"]
ENTRYPOINT ["/usr/local/bin/summitbot-entrypoint"]
CMD ["serve"]
