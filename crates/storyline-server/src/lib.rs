//! `storyline serve`: a JSON API (`/api/v1/…`, described by a generated OpenAPI document)
//! and server-rendered pages over a store. Read-only unless started with
//! `--allow-ingest` (then `POST /api/v1/articles` digests what is posted); every handler
//! calls the same library functions as the CLI, on a store opened per request on the
//! blocking pool.

mod api;
mod cache;
mod error;
mod figures;
mod framing;
mod html;
mod ingest;
mod pages;
mod security;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use storyline::store::stories::StorylineRow;
use storyline::store::Store;

pub use error::ApiError;
pub use ingest::IngestOptions;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The store to read.
    pub db: PathBuf,
    /// Where to listen (loopback by default).
    pub addr: SocketAddr,
    /// Accept posted articles (`None`: read-only).
    pub ingest: Option<IngestOptions>,
}

/// What every handler shares: where the store is.
#[derive(Debug, Clone)]
struct AppState {
    db: Arc<PathBuf>,
    stories: Arc<cache::Kept<api::StoryBody>>,
    rows: Arc<cache::Kept<StorylineRow>>,
    pool: Arc<cache::Pool>,
    ingest: ingest::Ingest,
}

/// Storylines whose bodies the server builds ahead: the newest, at start and again after
/// each change of the store (checked every [`WARM_EVERY`]).
const WARM_STORYLINES: usize = 200;
const WARM_EVERY: Duration = Duration::from_secs(5);

/// Story bodies kept at most.
const KEPT_STORIES: usize = 2048;
/// Storyline rows kept at most.
const KEPT_ROWS: usize = 1024;

impl AppState {
    /// A story's body: kept while the store is unchanged, else built (from the kept row
    /// of its storyline, when there is one).
    async fn story(&self, id: String) -> Result<Arc<api::StoryBody>, ApiError> {
        let state = self.clone();
        self.read(move |store| {
            let stamp = store.change_stamp()?;
            state.story_in(store, &id, &stamp)
        })
        .await
    }

    /// The body of the story `id` as the store is at `stamp`: kept, or built and kept.
    fn story_in(&self, store: &Store, id: &str, stamp: &str) -> Result<Arc<api::StoryBody>, ApiError> {
        if let Some(body) = self.stories.get(id, stamp) {
            return Ok(body);
        }
        let story = self.load_story(store, id, stamp)?;
        let body = Arc::new(api::story_body(&story));
        self.stories.put(id, stamp.to_string(), body.clone());
        Ok(body)
    }

    /// `f` of the story `id` loaded whole (not kept: for the lists a story body abridges).
    async fn whole_story<T, F>(&self, id: String, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&storyline::run::Story) -> T + Send + 'static,
    {
        let state = self.clone();
        self.read(move |store| {
            let stamp = store.change_stamp()?;
            Ok(f(&state.load_story(store, &id, &stamp)?))
        })
        .await
    }

    /// Reads the story `id` (its storyline's row kept under `stamp`).
    fn load_story(&self, store: &Store, id: &str, stamp: &str) -> Result<storyline::run::Story, ApiError> {
        let missing = || ApiError::not_found(format!("no storyline or event {id}"));
        let at = store.find_story(id)?.ok_or_else(missing)?;
        let row = match self.rows.get(&at.storyline, stamp) {
            Some(row) => row,
            None => {
                let row = Arc::new(store.storyline_row(&at.storyline)?.ok_or_else(missing)?);
                self.rows.put(&at.storyline, stamp.to_string(), row.clone());
                row
            }
        };
        let event = match &at.event {
            Some(e) => Some(store.event_row(e)?.ok_or_else(missing)?),
            None => None,
        };
        Ok(storyline::run::Story::load(store, (*row).clone(), event)?)
    }

    /// Builds the bodies of the newest [`WARM_STORYLINES`] storylines ahead of their first
    /// request, unless the store is as it was at `last`; returns the stamp it warmed at.
    fn warm(&self, last: Option<&str>) -> Result<String, ApiError> {
        let store = self.pool.take(&self.db)?;
        let out = (|| {
            let stamp = store.change_stamp()?;
            if last == Some(stamp.as_str()) {
                return Ok(stamp);
            }
            for row in store.storylines(WARM_STORYLINES)? {
                let id = row.id.clone();
                self.rows.put(&id, stamp.clone(), Arc::new(row));
                self.story_in(&store, &id, &stamp)?;
            }
            Ok(stamp)
        })();
        self.pool.give(store);
        out
    }

    /// Runs `f` on an open store (from the pool), on the blocking pool (SQLite calls
    /// block).
    async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let (db, pool) = (self.db.clone(), self.pool.clone());
        tokio::task::spawn_blocking(move || {
            let store = pool.take(&db).map_err(ApiError::from)?;
            let out = f(&store);
            pool.give(store);
            out
        })
        .await
        .map_err(|e| ApiError::internal(format!("a request handler failed: {e}")))?
    }
}

/// Largest request body accepted, but for posted articles (`IngestOptions::max_bytes`).
const MAX_BODY: usize = 64 * 1024;

/// Longest time a request may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a client may take to send a request's head: a connection that sends half a
/// request and stops is closed, not held open (one per client would run the server out of
/// file handles).
const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// How long connections may take to finish what they are answering after Ctrl-C.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// The whole application: API, pages and assets, with the security headers and limits.
pub fn router(db: PathBuf, ingest: Option<IngestOptions>) -> Router {
    app(AppState::new(db, ingest))
}

impl AppState {
    fn new(db: PathBuf, ingest: Option<IngestOptions>) -> Self {
        AppState {
            db: Arc::new(db),
            stories: Arc::new(cache::Kept::new(KEPT_STORIES)),
            rows: Arc::new(cache::Kept::new(KEPT_ROWS)),
            pool: Arc::new(cache::Pool::default()),
            ingest: ingest.map(|o| Arc::new(ingest::Ingester::new(o))),
        }
    }
}

fn app(state: AppState) -> Router {
    let post_limit = state.ingest.as_ref().map_or(MAX_BODY, |i| i.opts.max_bytes);
    Router::new()
        .merge(api::routes())
        .route(
            "/api/v1/articles",
            axum::routing::post(ingest::ingest).layer(axum::extract::DefaultBodyLimit::max(post_limit)),
        )
        .merge(pages::routes())
        .fallback(error::not_found)
        .method_not_allowed_fallback(error::method_not_allowed)
        .with_state(state)
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(axum::middleware::from_fn(security::headers))
}

/// Serves until Ctrl-C. Refuses a missing store before listening; builds the newest
/// storylines' bodies before it answers, and again in the background after each change.
pub async fn serve(opts: ServeOptions) -> anyhow::Result<()> {
    Store::open_existing(&opts.db)?;
    let listener = tokio::net::TcpListener::bind(opts.addr).await?;
    let state = AppState::new(opts.db.clone(), opts.ingest.clone());
    let warmer = state.clone();
    let mut last = tokio::task::spawn_blocking(move || warmer.warm(None)).await?.ok();
    let warmer = state.clone();
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(WARM_EVERY).await;
            let (w, seen) = (warmer.clone(), last.clone());
            if let Ok(Ok(stamp)) = tokio::task::spawn_blocking(move || w.warm(seen.as_deref())).await {
                last = Some(stamp);
            }
        }
    });
    eprintln!(
        "storyline: serving {} at http://{} ({}; Ctrl-C stops)",
        opts.db.display(),
        listener.local_addr()?,
        if opts.ingest.is_some() {
            "accepting posted articles"
        } else {
            "read-only"
        }
    );
    accept(listener, app(state), HEADER_READ_TIMEOUT, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await;
    Ok(())
}

/// Serves `app` on each connection `listener` accepts, over HTTP/1.1, until `stop`; then
/// lets open connections finish for [`SHUTDOWN_GRACE`]. A client that has not sent a
/// request's head within `header_timeout` is disconnected.
async fn accept(
    listener: tokio::net::TcpListener,
    app: Router,
    header_timeout: Duration,
    stop: impl std::future::Future<Output = ()>,
) {
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut stop = std::pin::pin!(stop);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of file handles, a connection reset before it was taken: wait, go on.
                Err(e) => {
                    eprintln!("storyline serve: accept: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let conn = hyper::server::conn::http1::Builder::new()
            .timer(hyper_util::rt::TokioTimer::new())
            .header_read_timeout(header_timeout)
            .serve_connection(
                hyper_util::rt::TokioIo::new(stream),
                hyper_util::service::TowerToHyperService::new(app.clone()),
            );
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            // A client that went away, or timed out, ends its own connection only.
            let _ = conn.await;
        });
    }
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(SHUTDOWN_GRACE) => {}
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    #[tokio::test]
    async fn a_half_sent_request_is_closed_and_a_whole_one_answered() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let app = axum::Router::new().route("/", axum::routing::get(|| async { "here" }));
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(super::accept(listener, app, Duration::from_millis(300), async {
            let _ = stopped.await;
        }));
        // Half a request head, then nothing: the server closes the connection.
        let mut half = tokio::net::TcpStream::connect(addr).await.unwrap();
        half.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").await.unwrap();
        let started = Instant::now();
        let mut buf = Vec::new();
        let read = tokio::time::timeout(Duration::from_secs(5), half.read_to_end(&mut buf)).await;
        assert!(read.is_ok(), "the connection was still open after 5 s");
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{:?}",
            started.elapsed()
        );
        // A whole request is answered.
        let mut whole = tokio::net::TcpStream::connect(addr).await.unwrap();
        whole
            .write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .await
            .unwrap();
        let mut answer = String::new();
        whole.read_to_string(&mut answer).await.unwrap();
        assert!(
            answer.starts_with("HTTP/1.1 200") && answer.ends_with("here"),
            "{answer}"
        );
        stop.send(()).unwrap();
        tokio::time::timeout(Duration::from_secs(5), server)
            .await
            .unwrap()
            .unwrap();
    }
}
