//! The page frame and small pieces the pages share. Every value is escaped by `maud`;
//! links to the outside are kept only when they are `http(s)`.

use maud::{html, Markup, PreEscaped, DOCTYPE};

use crate::error::ApiError;

/// A whole page: header with the search box, the main content, the footer.
pub(crate) fn page(title: &str, main: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · Storyline" }
                link rel="stylesheet" href="/assets/style.css";
                script src="/assets/app.js" defer {}
            }
            body {
                a.skip href="#main" { "Skip to content" }
                header.top {
                    nav aria-label="Site" {
                        a.brand href="/" { "Storyline" }
                        form.search role="search" action="/search" method="get" {
                            label for="q" { "Search articles and quotes" }
                            input #q type="search" name="q" maxlength="256" required;
                            button type="submit" { "Search" }
                        }
                    }
                }
                main #main tabindex="-1" { (main) }
                footer { p { "Storyline — structured, sourced stories from many outlets." } }
            }
        }
    }
    .into_string()
}

/// An error as a page.
pub(crate) fn error_page(e: &ApiError) -> String {
    let title = match e.code {
        "not_found" => "Not found",
        "bad_request" => "The request could not be read",
        "no_store" => "No store to read",
        _ => "Something went wrong",
    };
    page(
        title,
        html! {
            h1 { (title) }
            p { (e.message) }
            p { a href="/" { "All storylines" } }
        },
    )
}

/// A link to an article's original page, when its address is an `http(s)` URL.
pub(crate) fn external(url: Option<&str>) -> Markup {
    match url.filter(|u| is_web_url(u)) {
        Some(u) => html! { a.external href=(u) rel="noopener noreferrer nofollow" { "original" } },
        None => PreEscaped(String::new()),
    }
}

/// Whether `u` is an absolute `http` or `https` URL (never `javascript:` or `data:`).
pub(crate) fn is_web_url(u: &str) -> bool {
    let l = u.trim_start().to_ascii_lowercase();
    (l.starts_with("https://") || l.starts_with("http://")) && !u.chars().any(char::is_control)
}

/// Characters a path segment or query value keeps as they are (RFC 3986 unreserved).
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A path segment (or a query value) with everything but unreserved characters
/// percent-encoded.
pub(crate) fn seg(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, SEGMENT).to_string()
}

/// An outlet's name, or a dash when none is known.
pub(crate) fn outlet(o: Option<&str>) -> &str {
    o.unwrap_or("—")
}

/// "1 report", "3 reports": a count with its noun in agreement.
pub(crate) fn counted(n: usize, one: &str, many: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_become_links() {
        assert!(is_web_url("https://example.org/a"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url(" JavaScript:alert(1)"));
        assert!(!is_web_url("data:text/html,x"));
        assert!(!is_web_url("http://a\n.org"));
        assert_eq!(external(Some("javascript:alert(1)")).into_string(), "");
    }

    #[test]
    fn path_segments_are_encoded() {
        assert_eq!(seg("s-ab12"), "s-ab12");
        assert_eq!(seg("../x y"), "..%2Fx%20y");
        assert_eq!(seg("<q>"), "%3Cq%3E");
    }

    #[test]
    fn a_count_agrees_with_its_noun() {
        assert_eq!(counted(1, "report", "reports"), "1 report");
        assert_eq!(counted(0, "report", "reports"), "0 reports");
        assert_eq!(counted(3, "outlet", "outlets"), "3 outlets");
    }
}
