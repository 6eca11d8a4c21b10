//! `POST /api/v1/articles`: raw articles into the store, only when the server was started
//! with `--allow-ingest`. The body is anything `storyline digest` reads (JSON Lines, a
//! WARC archive, an HTML page, plain text, gzip of any of them); it is kept as a file in a
//! folder beside the store (`DB.ingest/`) and digested like any input file, one request
//! at a time, so that a store rebuilt from its inputs loses nothing that was posted.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::Json;
use serde::{Deserialize, Serialize};
use storyline::ingest::Failure;
use storyline::pipeline::Pipeline;
use storyline::run::{self, Observer, RunOptions};
use utoipa::{IntoParams, ToSchema};

use crate::error::{ApiError, ApiQuery, ErrorBody};
use crate::AppState;

/// What ingest needs: the pipeline the digest runs, and the largest body accepted.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    pub pipeline: Pipeline,
    /// Largest request body, in bytes.
    pub max_bytes: usize,
}

/// The server's ingest: its options, the lock that lets one digest run at a time, and a
/// counter that names the kept bodies.
#[derive(Debug)]
pub(crate) struct Ingester {
    pub(crate) opts: IngestOptions,
    lock: Mutex<()>,
    counter: AtomicU64,
}

impl Ingester {
    pub(crate) fn new(opts: IngestOptions) -> Self {
        Ingester {
            opts,
            lock: Mutex::new(()),
            counter: AtomicU64::new(0),
        }
    }
}

/// Longest accepted metadata value, in bytes.
const MAX_META: usize = 2048;

/// Metadata for a single posted page or text (written as its `.meta.json` sidecar);
/// JSON Lines and WARC records carry their own.
#[derive(Debug, Default, Deserialize, Serialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct IngestParams {
    /// The outlet that published it.
    #[param(max_length = 2048)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Where it was published.
    #[param(max_length = 2048)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[param(max_length = 2048)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// When it was published (a date or a date-time, ISO 8601).
    #[param(max_length = 2048)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
}

impl IngestParams {
    /// Each field with its name.
    fn fields(&self) -> [(&'static str, &Option<String>); 4] {
        [
            ("outlet", &self.outlet),
            ("url", &self.url),
            ("title", &self.title),
            ("published", &self.published),
        ]
    }

    fn is_empty(&self) -> bool {
        self.fields().iter().all(|(_, v)| v.is_none())
    }

    fn check(&self) -> Result<(), ApiError> {
        match self
            .fields()
            .into_iter()
            .find(|(_, v)| v.as_ref().is_some_and(|v| v.len() > MAX_META))
        {
            Some((name, _)) => Err(ApiError::bad_request(format!(
                "{name} is longer than {MAX_META} bytes"
            ))),
            None => Ok(()),
        }
    }
}

/// What a post added to the store.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct IngestReport {
    /// The digest run that read the post.
    pub run: i64,
    /// Items found in the body: `added + already + failed`.
    pub items: usize,
    /// New distinct articles.
    pub added: usize,
    /// Items whose text the store already had.
    pub already: usize,
    pub failed: usize,
    /// Why each failed item failed.
    pub failures: Vec<Failure>,
    /// The articles the post gave (new or already stored), in the order of its items.
    pub articles: Vec<String>,
    /// Storylines created or changed, newest first (at most 20).
    pub storylines: Vec<String>,
}

/// Receives no progress: a request has no terminal to show it on.
struct Quiet;
impl Observer for Quiet {}

/// Adds raw articles to the store (only on a server started with `--allow-ingest`).
/// The body is what `storyline digest` reads: JSON Lines, WARC, HTML, text, or gzip of
/// any of them; the query gives the metadata of a single page or text.
#[utoipa::path(post, path = "/api/v1/articles", params(IngestParams),
    request_body(content = Vec<u8>, description = "Articles as `storyline digest` reads them", content_type = "application/octet-stream"),
    responses((status = 200, body = IngestReport), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 413, body = ErrorBody)))]
pub(crate) async fn ingest(
    State(s): State<AppState>,
    headers: HeaderMap,
    q: Result<ApiQuery<IngestParams>, ApiError>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<IngestReport>, ApiError> {
    let Some(ing) = s.ingest.clone() else {
        return Err(ApiError::forbidden(
            "read_only",
            "this server is read-only: start it with `storyline serve --allow-ingest` to add articles",
        ));
    };
    same_origin(&headers)?;
    let ApiQuery(meta) = q?;
    meta.check()?;
    let body = body.map_err(|e| match e.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::too_large(ing.opts.max_bytes),
        _ => ApiError::bad_request(e.body_text()),
    })?;
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::bad_request("the body is empty: post the articles"));
    }
    let db = s.db.clone();
    tokio::task::spawn_blocking(move || digest_post(&ing, &db, &body, &meta))
        .await
        .map_err(|e| ApiError::internal(format!("the ingest failed: {e}")))?
        .map(Json)
}

/// Refuses a post that a page of another site made the browser send (a form or a
/// script elsewhere cannot add to a store served on this machine): its `Origin`, when
/// given, must be this server's own.
fn same_origin(h: &HeaderMap) -> Result<(), ApiError> {
    let Some(origin) = h.get(header::ORIGIN) else {
        return Ok(());
    };
    let host = h.get(header::HOST).and_then(|v| v.to_str().ok());
    let origin_host = origin
        .to_str()
        .ok()
        .and_then(|o| o.split_once("://"))
        .map(|(_, rest)| rest.trim_end_matches('/'));
    match (origin_host, host) {
        (Some(o), Some(h)) if o.eq_ignore_ascii_case(h) => Ok(()),
        _ => Err(ApiError::forbidden(
            "cross_origin",
            "articles may be posted by this server's own pages or by a client that sends no Origin",
        )),
    }
}

/// Keeps the body (and its sidecar) in the ingest folder, digests it, and reports.
fn digest_post(
    ing: &Ingester,
    db: &Path,
    body: &[u8],
    meta: &IngestParams,
) -> Result<IngestReport, ApiError> {
    let _one_at_a_time = ing.lock.lock().unwrap_or_else(|e| e.into_inner());
    let path = keep(ing, db, body, meta)
        .map_err(|e| ApiError::internal(format!("could not keep the posted body: {e}")))?;
    let d = run::digest(
        std::slice::from_ref(&path),
        db,
        &ing.opts.pipeline,
        RunOptions::default(),
        &mut Quiet,
    )?;
    let store = storyline::store::Store::open_existing(db)?;
    let canonical = std::fs::canonicalize(&path).unwrap_or(path);
    Ok(IngestReport {
        run: d.run,
        items: d.items,
        added: d.added,
        already: d.already,
        failed: d.failed,
        failures: d.failures,
        articles: store.articles_of_input(&canonical.display().to_string())?,
        storylines: d.stories.iter().map(|s| s.id.clone()).collect(),
    })
}

/// Writes the body to `DB.ingest/SECONDS-N.post` (and the metadata, if any, to its
/// sidecar), and returns its path.
fn keep(ing: &Ingester, db: &Path, body: &[u8], meta: &IngestParams) -> std::io::Result<PathBuf> {
    let mut dir = db.as_os_str().to_owned();
    dir.push(".ingest");
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir)?;
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    loop {
        let n = ing.counter.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!("{secs}-{n}.post"));
        // A name already taken (a server before this one) is never overwritten.
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                use std::io::Write;
                f.write_all(body)?;
                f.sync_all()?;
                if !meta.is_empty() {
                    let mut side = path.as_os_str().to_owned();
                    side.push(".meta.json");
                    std::fs::write(PathBuf::from(side), serde_json::to_vec(meta)?)?;
                }
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// The shared state's ingest, when allowed.
pub(crate) type Ingest = Option<Arc<Ingester>>;
