//! The pipeline: raw items → articles (per document), then the corpus passes
//! (template lines, duplicates) over all of them.

use crate::article::{
    article_id, join_paragraphs, Article, DateSource, PubDate, Published, Removed, RemovedKind,
    SCHEMA_VERSION,
};
use crate::clean::{clean, CleanMode};
use crate::corpus::dedup::{self, Candidate, DedupConfig, Fingerprint};
use crate::error::{Error, InputError, Stage};
use crate::extract::{self, extract_html, ExtractMode};
use crate::ingest::{Content, Failure, IngestConfig, InputMeta, RawItem};

/// A document's body, borrowed.
enum Body<'a> {
    Text(&'a str),
    Html(&'a str),
}
use crate::corpus::template::{self, LineSig, TemplateConfig};
use crate::extract::outlets;
use crate::quotes;
use crate::text::segment;
use crate::time;
use crate::Span;
use crate::{Format, Source};

/// Pipeline settings. Unknown fields are refused, so a typo never silently falls back
/// to a default.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PipelineConfig {
    /// Largest single document read into memory, in bytes.
    pub max_bytes: u64,
    /// Main-text extractor for HTML: `accurate` (default) or `fast`.
    pub extract: ExtractMode,
    pub dedup: DedupConfig,
    pub template: TemplateConfig,
    /// Find entities and quotes (who said what).
    pub quotes: bool,
    /// Find time expressions, date sentences and infer missing publication dates.
    pub dates: bool,
}

impl Default for PipelineConfig {
    fn default() -> Self {
        PipelineConfig {
            max_bytes: IngestConfig::default().max_bytes,
            extract: ExtractMode::default(),
            dedup: DedupConfig::default(),
            template: TemplateConfig::default(),
            quotes: true,
            dates: true,
        }
    }
}

/// A validated pipeline.
#[derive(Debug, Clone)]
pub struct Pipeline {
    config: PipelineConfig,
}

impl Pipeline {
    /// Validates the configuration.
    pub fn build(config: PipelineConfig) -> Result<Self, Error> {
        let t = config.dedup.threshold;
        if !(t > 0.0 && t <= 1.0) {
            return Err(Error::Input(format!(
                "dedup threshold must be in (0, 1], got {t}"
            )));
        }
        if config.template.min_stories < 2 {
            return Err(Error::Input("template.min_stories must be at least 2".into()));
        }
        if config.max_bytes == 0 {
            return Err(Error::Input("max_bytes must be positive".into()));
        }
        Ok(Pipeline { config })
    }

    pub fn config(&self) -> &PipelineConfig {
        &self.config
    }

    pub fn ingest_config(&self) -> IngestConfig {
        IngestConfig {
            max_bytes: self.config.max_bytes,
        }
    }

    /// Analyses one plain-text document (as scraped).
    pub fn analyze_text(&self, text: &str, name: &str) -> Result<Article, Failure> {
        self.analyze(RawItem {
            source: Source {
                path: name.to_string(),
                format: Format::Text,
                record_id: None,
                line: None,
            },
            content: Content::Text(text.to_string()),
            meta: Default::default(),
            warnings: vec![],
            bytes: text.len() as u64,
        })
    }

    /// Analyses one document on its own: extraction, cleaning, metadata.
    pub fn analyze(&self, item: RawItem) -> Result<Article, Failure> {
        let body = match &item.content {
            Content::Html(h) => Body::Html(h),
            Content::Text(t) => Body::Text(t),
        };
        self.analyze_body(item.source, body, item.meta, item.warnings)
    }

    /// Analyses one HTML page given by reference.
    pub fn analyze_html(&self, html: &str, url: Option<&str>, name: &str) -> Result<Article, Failure> {
        let source = Source {
            path: name.to_string(),
            format: Format::Html,
            record_id: None,
            line: None,
        };
        let meta = InputMeta {
            url: url.map(str::to_string),
            ..Default::default()
        };
        self.analyze_body(source, Body::Html(html), meta, vec![])
    }

    fn analyze_body(
        &self,
        source: Source,
        content: Body<'_>,
        meta: InputMeta,
        mut warnings: Vec<String>,
    ) -> Result<Article, Failure> {
        let key = source.key();
        let InputMeta {
            mut url,
            mut title,
            published: meta_published,
            outlet: meta_outlet,
            mut authors,
            mut language,
            crawl_date,
        } = meta;
        let mut published = meta_published.as_deref().and_then(|p| {
            let value = extract::parse_date(p);
            if value.is_none() {
                warnings.push(format!("unreadable published date in metadata: {p:?}"));
            }
            value.map(|value| Published {
                value,
                source: DateSource::Metadata,
                confidence: 1.0,
                evidence: None,
            })
        });
        let outlet = meta_outlet.map(|o| (o, "metadata"));
        let mut site_name = None;

        let cleaned = match content {
            Body::Html(html) => {
                let e = extract_html(html, url.as_deref(), self.config.extract)
                    .map_err(|e| Failure::new(key.clone(), Stage::Extract, e))?;
                title = title.or(e.title);
                if authors.is_empty() {
                    authors = e.authors;
                }
                url = url.or(e.url);
                language = language.or(e.language);
                published = published.or(e.published);
                site_name = e.site_name;
                warnings.extend(e.warnings);
                let c = clean(&e.text, title.as_deref(), CleanMode::Extracted);
                if c.paragraphs.is_empty() {
                    return Err(Failure::new(key, Stage::Extract, InputError::NoText));
                }
                c
            }
            Body::Text(text) => {
                let c = clean(text, title.as_deref(), CleanMode::Scraped);
                if c.paragraphs.is_empty() {
                    return Err(Failure::new(key, Stage::Clean, InputError::NoText));
                }
                title = title.or_else(|| c.title.clone());
                if authors.is_empty() {
                    authors = c.authors.clone();
                }
                c
            }
        };
        if published.is_none() {
            published = url.as_deref().and_then(extract::date_from_url);
        }
        if published.is_none() {
            published = crawl_date
                .as_deref()
                .and_then(extract::parse_date)
                .map(|value| Published {
                    value,
                    source: DateSource::WarcDate,
                    confidence: 0.2,
                    evidence: None,
                });
        }
        // A known outlet's host first, then the page's own name for itself, then
        // tell-tale lines, then the bare host.
        let host = url.as_deref().and_then(outlets::host_of);
        let outlet = outlet
            .or_else(|| {
                let known = host.as_deref().and_then(outlets::known_host)?;
                Some((known.to_string(), "url"))
            })
            .or_else(|| site_name.map(|s| (outlets::name_for(&s), "site-name")))
            .or(cleaned.outlet)
            .or_else(|| host.map(|h| (h, "url")));
        let (text, paragraphs) = join_paragraphs(&cleaned.paragraphs);
        let sentences = segment::sentences(&text, &paragraphs);
        let who = self.attribution(&text, &paragraphs, &sentences);
        // No publication date, or only a crawl date: read it from the text when the evidence
        // is strong (photo captions count: they were cleaned out, not lost).
        if self.config.dates
            && published
                .as_ref()
                .is_none_or(|p| p.source == DateSource::WarcDate)
        {
            let captions: Vec<&str> = cleaned
                .removed
                .iter()
                .filter(|r| matches!(r.kind, RemovedKind::Caption | RemovedKind::Credit))
                .map(|r| r.text.as_str())
                .collect();
            if let Some(inf) = time::infer_published(&text, &sentences, &captions) {
                published = Some(Published {
                    value: PubDate::Date(inf.date),
                    source: DateSource::Text,
                    confidence: inf.confidence,
                    evidence: Some(inf.evidence),
                });
            }
        }
        let (timexes, sentence_dates) = if self.config.dates {
            time::annotate(
                &text,
                &paragraphs,
                &sentences,
                published.as_ref().map(Published::date),
            )
        } else {
            (Vec::new(), Vec::new())
        };
        if language.is_none() {
            language = extract::detect_language(&text);
        }
        Ok(Article {
            schema: SCHEMA_VERSION,
            id: article_id(&text, outlet.as_ref().map(|(o, _)| o.as_str()), url.as_deref()),
            source,
            outlet_source: outlet.as_ref().map(|(_, how)| how.to_string()),
            outlet: outlet.map(|(o, _)| o),
            url,
            title,
            subtitle: cleaned.subtitle,
            authors,
            published,
            language,
            text,
            paragraphs,
            sentences,
            entities: who.entities,
            quotes: who.quotes,
            timexes,
            sentence_dates,
            removed: cleaned.removed,
            duplicate_of: None,
            duplicate_kind: None,
            warnings,
        })
    }

    /// Entities and quotes of a text, when the configuration asks for them.
    pub fn attribution(&self, text: &str, paragraphs: &[Span], sentences: &[Span]) -> quotes::Attribution {
        if self.config.quotes {
            quotes::analyze(text, paragraphs, sentences)
        } else {
            quotes::Attribution::default()
        }
    }

    /// Per-article data the corpus passes need, computed once per article.
    pub fn corpus_sigs(&self, a: &Article) -> CorpusSig {
        CorpusSig {
            fingerprint: dedup::fingerprint(&a.text),
            lines: template::line_sigs(a.paragraph_texts(), &self.config.template),
        }
    }

    /// Corpus passes over a set of articles: duplicate groups, then template lines
    /// (counted once per duplicate group). Returns each article's decision.
    pub fn corpus(&self, metas: &[CorpusMeta<'_>]) -> Vec<CorpusDecision> {
        let cands: Vec<Candidate> = metas
            .iter()
            .map(|m| Candidate {
                id: m.id,
                published: m.published,
                fingerprint: &m.sig.fingerprint,
            })
            .collect();
        let groups = dedup::group(&cands, &self.config.dedup);
        let docs: Vec<template::Doc> = metas
            .iter()
            .enumerate()
            .map(|(i, m)| template::Doc {
                outlet: m.outlet,
                group: groups[i].map_or(i, |(r, _)| r),
                lines: &m.sig.lines,
            })
            .collect();
        let tmpl = template::find(&docs, &self.config.template);
        groups
            .into_iter()
            .zip(tmpl)
            .enumerate()
            .map(|(i, (g, template_lines))| CorpusDecision {
                duplicate_of: g.map(|(r, _)| metas[r].id.to_string()),
                duplicate_kind: g.map(|(r, k)| {
                    let syndicated = metas[r].outlet != metas[i].outlet;
                    if syndicated {
                        format!("{} syndicated", k.as_str())
                    } else {
                        k.as_str().to_string()
                    }
                }),
                template_lines,
            })
            .collect()
    }

    /// Runs the corpus passes over articles held in memory and applies them.
    pub fn finish(&self, articles: &mut [Article]) {
        let sigs: Vec<CorpusSig> = articles.iter().map(|a| self.corpus_sigs(a)).collect();
        let metas: Vec<CorpusMeta> = articles
            .iter()
            .zip(&sigs)
            .map(|(a, s)| CorpusMeta {
                id: &a.id,
                outlet: a.outlet.as_deref(),
                published: a.published.as_ref().map(|p| p.value),
                sig: s,
            })
            .collect();
        let decisions = self.corpus(&metas);
        for (a, d) in articles.iter_mut().zip(decisions) {
            d.apply(a);
        }
    }
}

/// What the corpus passes need of one article.
#[derive(Debug, Clone)]
pub struct CorpusSig {
    pub fingerprint: Fingerprint,
    pub lines: Vec<LineSig>,
}

/// One article's corpus-pass input.
pub struct CorpusMeta<'a> {
    pub id: &'a str,
    pub outlet: Option<&'a str>,
    pub published: Option<PubDate>,
    pub sig: &'a CorpusSig,
}

/// The corpus passes' verdict on one article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CorpusDecision {
    pub duplicate_of: Option<String>,
    pub duplicate_kind: Option<String>,
    /// Indices of paragraphs that are outlet template.
    pub template_lines: Vec<usize>,
}

impl CorpusDecision {
    /// Applies the verdict to the per-document article: drops template paragraphs
    /// (the id stays that of the per-document text) and sets the duplicate fields.
    pub fn apply(&self, a: &mut Article) {
        a.duplicate_of = self.duplicate_of.clone();
        a.duplicate_kind = self.duplicate_kind.clone();
        if self.template_lines.is_empty() || self.template_lines.len() >= a.paragraphs.len() {
            return;
        }
        let mut keep = Vec::with_capacity(a.paragraphs.len());
        let mut dropped = Vec::new();
        for (i, p) in a.paragraph_texts().enumerate() {
            if self.template_lines.contains(&i) {
                dropped.push(Removed {
                    kind: RemovedKind::Template,
                    text: p.to_string(),
                });
            } else {
                keep.push(p.to_string());
            }
        }
        a.removed.extend(dropped);
        let (text, spans) = join_paragraphs(&keep);
        a.sentences = segment::sentences(&text, &spans);
        // Spans moved: redo the stages that ran (an empty result means the stage was off,
        // or found nothing — and removing template lines cannot add anything).
        if !a.entities.is_empty() || !a.quotes.is_empty() {
            let who = quotes::analyze(&text, &spans, &a.sentences);
            a.entities = who.entities;
            a.quotes = who.quotes;
        }
        if !a.timexes.is_empty() || !a.sentence_dates.is_empty() {
            (a.timexes, a.sentence_dates) = time::annotate(
                &text,
                &spans,
                &a.sentences,
                a.published.as_ref().map(Published::date),
            );
        }
        a.text = text;
        a.paragraphs = spans;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_round_trips_and_refuses_typos() {
        let c = PipelineConfig {
            max_bytes: 1234,
            extract: ExtractMode::Fast,
            dedup: DedupConfig { threshold: 0.7 },
            template: TemplateConfig {
                min_stories: 4,
                max_words: 12,
            },
            quotes: false,
            dates: false,
        };
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<PipelineConfig>(&json).unwrap(), c);
        assert_eq!(
            serde_json::from_str::<PipelineConfig>("{}").unwrap(),
            PipelineConfig::default()
        );
        assert!(serde_json::from_str::<PipelineConfig>(r#"{"dedup": {"treshold": 0.5}}"#).is_err());
        assert!(serde_json::from_str::<PipelineConfig>(r#"{"extract": "quick"}"#).is_err());
    }

    #[test]
    fn build_validates() {
        let mut c = PipelineConfig::default();
        c.dedup.threshold = 0.0;
        assert!(Pipeline::build(c).is_err());
        let mut c = PipelineConfig::default();
        c.template.min_stories = 1;
        assert!(Pipeline::build(c).is_err());
        assert!(Pipeline::build(PipelineConfig::default()).is_ok());
    }

    #[test]
    fn metadata_beats_inference_and_copies_are_grouped() {
        let p = Pipeline::build(PipelineConfig::default()).unwrap();
        let text = "Harbour talks stall\n\nNegotiators left the harbour city on Monday without an agreement \
                    on the fishing quotas, officials said, after two days of talks that both sides had called \
                    decisive for the coming season.";
        let item = |outlet: &str, published: &str, n: u64| RawItem {
            source: Source {
                path: format!("in{n}.txt"),
                format: Format::Text,
                record_id: None,
                line: None,
            },
            content: Content::Text(text.to_string()),
            meta: InputMeta {
                outlet: Some(outlet.into()),
                published: Some(published.into()),
                ..Default::default()
            },
            warnings: vec![],
            bytes: 0,
        };
        let mut arts = vec![
            p.analyze(item("Wire B", "2016-12-09", 1)).unwrap(),
            p.analyze(item("Wire A", "2016-12-08", 2)).unwrap(),
        ];
        assert_eq!(arts[0].published.as_ref().unwrap().source, DateSource::Metadata);
        assert_eq!(arts[0].outlet.as_deref(), Some("Wire B"));
        p.finish(&mut arts);
        // Same text, same id: the earlier carrier represents the group, the other is an
        // exact syndicated copy that keeps its own outlet and date.
        assert_eq!(arts[0].duplicate_of.as_deref(), Some(arts[1].id.as_str()));
        assert_eq!(arts[0].duplicate_kind.as_deref(), Some("exact syndicated"));
        assert_eq!(
            arts[0].published.as_ref().unwrap().value.to_string(),
            "2016-12-09"
        );
    }
}
