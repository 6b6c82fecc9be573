# summitbot: build the release binary, then run it on a slim image with the corpus.
FROM rust:1.95-slim-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock rustfmt.toml ./
COPY src ./src
COPY benches ./benches
COPY config ./config
RUN cargo build --release --locked --bin summitbot

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app summitbot
WORKDIR /app
COPY --from=build /src/target/release/summitbot /usr/local/bin/summitbot
COPY config ./config
COPY corpus ./corpus
RUN mkdir -p data && chown -R summitbot /app
USER summitbot
# The token comes from the environment: docker run -e DISCORD_TOKEN=... summitbot
ENV RUST_LOG=info
RUN summitbot index
CMD ["summitbot", "serve"]
