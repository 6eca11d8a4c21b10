//! One error shape for the API: `{"error": {"code", "message"}}` with a stable code;
//! user errors are 4xx, a fault of ours 500. Pages render the same error as HTML.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// An error as the API returns it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    /// Stable, machine-readable: `not_found`, `bad_request`, `method_not_allowed`,
    /// `read_only`, `cross_origin`, `too_large`, `no_store`, `internal`.
    pub code: &'static str,
    pub message: String,
}

/// The body of every error response.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ErrorDetail {
    /// Stable code: `not_found`, `bad_request`, `method_not_allowed`, `read_only`,
    /// `cross_origin`, `too_large`, `no_store` or `internal`.
    code: String,
    message: String,
}

impl ApiError {
    pub fn not_found(what: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::NOT_FOUND,
            code: "not_found",
            message: what.into(),
        }
    }

    pub fn bad_request(why: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            code: "bad_request",
            message: why.into(),
        }
    }

    /// A request this server will not carry out (`code` says why: `read_only`,
    /// `cross_origin`).
    pub fn forbidden(code: &'static str, why: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::FORBIDDEN,
            code,
            message: why.into(),
        }
    }

    /// A request body over the limit.
    pub fn too_large(limit: usize) -> Self {
        ApiError {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            code: "too_large",
            message: format!("the body is larger than {limit} bytes"),
        }
    }

    pub fn internal(why: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            code: "internal",
            message: why.into(),
        }
    }

    pub(crate) fn body(&self) -> ErrorBody {
        ErrorBody {
            error: ErrorDetail {
                code: self.code.to_string(),
                message: self.message.clone(),
            },
        }
    }
}

impl From<storyline::Error> for ApiError {
    fn from(e: storyline::Error) -> Self {
        match e {
            storyline::Error::Input(m) => ApiError {
                status: StatusCode::SERVICE_UNAVAILABLE,
                code: "no_store",
                message: m,
            },
            // The store's own words (SQL, file paths) are for the operator's log, not
            // for the client.
            other => {
                eprintln!("storyline serve: internal error: {other}");
                ApiError::internal("the store could not answer this request (the server's log says why)")
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, axum::Json(self.body())).into_response()
    }
}

/// Any path no route serves: JSON under `/api/`, a page elsewhere.
pub(crate) async fn not_found(uri: axum::http::Uri) -> Response {
    answer(&uri, ApiError::not_found(format!("nothing at {}", uri.path())))
}

/// A route asked with a method it does not serve (the `Allow` header names those it does).
pub(crate) async fn method_not_allowed(method: axum::http::Method, uri: axum::http::Uri) -> Response {
    let e = ApiError {
        status: StatusCode::METHOD_NOT_ALLOWED,
        code: "method_not_allowed",
        message: format!("{} does not answer {method}", uri.path()),
    };
    answer(&uri, e)
}

/// An error as JSON under `/api/`, as a page elsewhere.
fn answer(uri: &axum::http::Uri, e: ApiError) -> Response {
    if uri.path().starts_with("/api/") {
        e.into_response()
    } else {
        let page = crate::html::error_page(&e);
        (
            e.status,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            page,
        )
            .into_response()
    }
}

/// An extractor of axum's whose rejection (plain text) becomes a `bad_request` in the
/// API's error shape: `$name<T>` reads what `$inner<T>` reads.
macro_rules! api_extractor {
    ($(#[$doc:meta])* $name:ident, $inner:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default)]
        pub(crate) struct $name<T>(pub T);

        impl<T, S> axum::extract::FromRequestParts<S> for $name<T>
        where
            T: serde::de::DeserializeOwned + Send,
            S: Send + Sync,
        {
            type Rejection = ApiError;

            async fn from_request_parts(
                parts: &mut axum::http::request::Parts,
                state: &S,
            ) -> Result<Self, Self::Rejection> {
                axum::extract::$inner::<T>::from_request_parts(parts, state)
                    .await
                    .map(|x| $name(x.0))
                    .map_err(|e| ApiError::bad_request(e.body_text()))
            }
        }
    };
}

api_extractor!(
    /// A query string read into `T`.
    ApiQuery,
    Query
);
api_extractor!(
    /// A path segment read into `T` (an id that is not UTF-8 once percent-decoded is a
    /// `bad_request`).
    ApiPath,
    Path
);
