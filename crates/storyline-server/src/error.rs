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
    /// Stable, machine-readable: `not_found`, `bad_request`, `read_only`, `cross_origin`,
    /// `too_large`, `no_store`, `internal`.
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
    /// Stable code: `not_found`, `bad_request`, `read_only`, `cross_origin`, `too_large`,
    /// `no_store` or `internal`.
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
            other => ApiError::internal(other.to_string()),
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
    let e = ApiError::not_found(format!("nothing at {}", uri.path()));
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

/// A query string read into `T`, or a `bad_request` in the API's error shape (axum's own
/// rejection is plain text).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ApiQuery<T>(pub T);

impl<T, S> axum::extract::FromRequestParts<S> for ApiQuery<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| ApiQuery(q.0))
            .map_err(|e| ApiError::bad_request(e.body_text()))
    }
}
