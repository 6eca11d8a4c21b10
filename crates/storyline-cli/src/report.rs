//! Human-readable output: the digest and the article, quote and entity tables.

use std::io::Write;

use storyline::corpus::DuplicateKind;
use storyline::run::Digest;
use storyline::{Article, Failure, Stage};

fn outlet(o: &Option<String>) -> &str {
    o.as_deref().unwrap_or("(unknown)")
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut c: String = s.chars().take(n - 1).collect();
        c.push('…');
        c
    }
}

pub fn digest(out: &mut impl Write, d: &Digest) -> std::io::Result<()> {
    writeln!(out, "Storyline digest: run {} into {}", d.run, d.store)?;
    writeln!(
        out,
        "  {} in {:.2} s: {}, {} already stored (same text), {} skipped (unchanged since read), {} failed",
        counted(d.items, ["item", "items"]),
        d.seconds,
        counted(d.added, ["new article", "new articles"]),
        d.already,
        d.skipped,
        d.failed
    )?;
    if d.replaced > 0 {
        writeln!(
            out,
            "  {} of the new articles replace the earlier versions of edited files",
            d.replaced
        )?;
    }
    if d.dated > 0 {
        writeln!(
            out,
            "  {} of the new articles {} stored before without a date and now {} one",
            d.dated,
            if d.dated == 1 { "was" } else { "were" },
            if d.dated == 1 { "has" } else { "have" },
        )?;
    }
    writeln!(
        out,
        "  the store holds {}",
        counted(d.articles, ["article", "articles"])
    )?;
    if d.older_analyses > 0 {
        writeln!(
            out,
            "  {} analysed by an older version of the analysis: `storyline reanalyze --db {}` brings {} up to date",
            counted(d.older_analyses, ["article was", "articles were"]),
            d.store,
            if d.older_analyses == 1 { "it" } else { "them" },
        )?;
    }
    writeln!(out, "\nArticles per outlet")?;
    for o in &d.outlets {
        let copies = match o.copies {
            0 => String::new(),
            1 => "  (1 copy of another article)".into(),
            n => format!("  ({n} copies of other articles)"),
        };
        writeln!(
            out,
            "  {:<32} {:>6}{}",
            clip(outlet(&o.outlet), 32),
            o.articles,
            copies
        )?;
    }
    writeln!(
        out,
        "\nDuplicates and syndicated copies this run added to: {}",
        counted(d.duplicate_groups.len(), ["group", "groups"])
    )?;
    const GROUPS: usize = 20;
    const COPIES: usize = 8;
    for g in d.duplicate_groups.iter().take(GROUPS) {
        let r = &g.representative;
        let title = clip(r.title.as_deref().unwrap_or(&r.id), 70);
        writeln!(out, "  {title} [{} carriers]", g.copies.len() + 1)?;
        let published = r.published.map_or("-".to_string(), |p| p.to_string());
        writeln!(
            out,
            "    original  {:<24} {published:<25} {}",
            clip(outlet(&r.outlet), 24),
            r.source
        )?;
        for c in g.copies.iter().take(COPIES) {
            let kind = match c.kind {
                Some(DuplicateKind::Exact | DuplicateKind::ExactSyndicated) => "exact",
                Some(DuplicateKind::Near | DuplicateKind::NearSyndicated) => "near",
                None => "copy",
            };
            let published = c.published.map_or("-".to_string(), |p| p.to_string());
            writeln!(
                out,
                "    {kind:<9} {:<24} {published:<25} {}",
                clip(outlet(&c.outlet), 24),
                c.source
            )?;
        }
        more(out, "    ", g.copies.len(), COPIES, ["copy", "copies"])?;
    }
    more(out, "  ", d.duplicate_groups.len(), GROUPS, ["group", "groups"])?;
    writeln!(
        out,
        "\nStories: {} placed; {} found or changed",
        counted(d.stories_placed, ["article", "articles"]),
        counted(d.stories_changed, ["storyline", "storylines"])
    )?;
    if d.stories_undated > 0 {
        writeln!(
            out,
            "  {} no date and {} in no story: give {} one in metadata or a sidecar NAME.meta.json {{\"published\": \"YYYY-MM-DD\"}} and digest {} again",
            counted(d.stories_undated, ["article has", "articles have"]),
            if d.stories_undated == 1 { "is" } else { "are" },
            if d.stories_undated == 1 { "it" } else { "each" },
            if d.stories_undated == 1 { "it" } else { "them" },
        )?;
    }
    for l in &d.stories {
        write!(out, "  {}  ", l.id)?;
        storyline_lines(out, l, 3)?;
    }
    more(
        out,
        "  ",
        d.stories_changed,
        d.stories.len(),
        ["storyline", "storylines"],
    )?;
    writeln!(
        out,
        "\nFigures: {} in the new articles, {} (`storyline figures ID` tracks them across a story)",
        d.figures,
        counted(d.measures, ["measure", "measures"])
    )?;
    writeln!(out, "\nFailed items: {}", d.failures.len())?;
    const FAILURES: usize = 50;
    for f in d.failures.iter().take(FAILURES) {
        writeln!(out, "  {}: {} ({})", f.source, f.reason, f.stage)?;
    }
    more(out, "  ", d.failures.len(), FAILURES, ["failure", "failures"])?;
    Ok(())
}

/// "… and N more" after a list cut at `shown` of `total`.
fn more(out: &mut impl Write, indent: &str, total: usize, shown: usize, what: Noun) -> std::io::Result<()> {
    if total > shown {
        let more = counted(total - shown, what).replacen(' ', " more ", 1);
        writeln!(out, "{indent}… and {more} (--format json lists all)")?;
    }
    Ok(())
}

/// A noun's singular and plural.
type Noun = [&'static str; 2];

/// "1 article", "3 articles".
fn counted(n: usize, [one, many]: Noun) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Each record as a JSON line; a record JSON cannot hold (a number that is not finite) is
/// that article's failure, returned, and the others are printed. Each is serialised into
/// one reused buffer first, so that a refused record leaves no half line behind.
pub fn records_jsonl(out: &mut impl Write, arts: &[Article]) -> std::io::Result<Vec<Failure>> {
    let mut failed = Vec::new();
    let mut line = Vec::new();
    for a in arts {
        line.clear();
        match serde_json::to_writer(&mut line, a) {
            Ok(()) => {
                line.push(b'\n');
                out.write_all(&line)?;
            }
            Err(e) => failed.push(unwritable(a, &e)),
        }
    }
    Ok(failed)
}

/// The records as one JSON array, as `serde_json`'s pretty printer writes a list (each
/// element indented by two more spaces), leaving out (and returning) those JSON cannot
/// hold.
pub fn records_json(out: &mut impl Write, arts: &[Article]) -> std::io::Result<Vec<Failure>> {
    let mut failed = Vec::new();
    let mut record = Vec::new();
    let mut first = true;
    out.write_all(b"[")?;
    for a in arts {
        record.clear();
        if let Err(e) = serde_json::to_writer_pretty(&mut record, a) {
            failed.push(unwritable(a, &e));
            continue;
        }
        out.write_all(if first { b"\n  " } else { b",\n  " })?;
        first = false;
        // A JSON string holds no raw newline: every one is the printer's.
        for (i, part) in record.split(|&b| b == b'\n').enumerate() {
            if i > 0 {
                out.write_all(b"\n  ")?;
            }
            out.write_all(part)?;
        }
    }
    out.write_all(if first { b"]\n" } else { b"\n]\n" })?;
    Ok(failed)
}

fn unwritable(a: &Article, e: &serde_json::Error) -> Failure {
    Failure::new(
        a.source.key(),
        Stage::Store,
        format!("its record cannot be written: {e}"),
    )
}

pub fn failures(fs: &[Failure]) {
    for f in fs {
        eprintln!("storyline: failed: {}: {} ({})", f.source, f.reason, f.stage);
    }
}

pub fn articles(out: &mut impl Write, arts: &[Article]) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<16}  {:<25}  {:<20}  {:<10}  title",
        "id", "published", "outlet", "copy of"
    )?;
    for a in arts {
        writeln!(
            out,
            "{:<16}  {:<25}  {:<20}  {:<10}  {}",
            a.id,
            a.published.as_ref().map_or("-".into(), |p| p.value.to_string()),
            clip(outlet(&a.outlet), 20),
            a.duplicate_of
                .as_deref()
                .map_or("-".to_string(), |d| d[..8.min(d.len())].to_string()),
            clip(a.title.as_deref().unwrap_or("(untitled)"), 70)
        )?;
    }
    writeln!(out, "{} articles", arts.len())
}

/// Quotes grouped by speaker: a heading per speaker, then one line per quote.
pub fn quotes(out: &mut impl Write, rows: &[storyline::store::QuoteRow]) -> std::io::Result<()> {
    let mut current: Option<(Option<&str>, Option<&str>)> = None;
    for r in rows {
        let key = (r.speaker_id.as_deref(), r.speaker.as_deref());
        if current != Some(key) {
            current = Some(key);
            let n = rows
                .iter()
                .filter(|x| (x.speaker_id.as_deref(), x.speaker.as_deref()) == key)
                .count();
            let role = r.role.as_deref().map(|x| format!(", {x}")).unwrap_or_default();
            writeln!(
                out,
                "\n{}{} — {} quote{}",
                r.speaker.as_deref().unwrap_or("(speaker unknown)"),
                role,
                n,
                if n == 1 { "" } else { "s" }
            )?;
        }
        let kind = match (r.kind, r.partial) {
            (_, true) => "partial",
            (storyline::quotes::QuoteKind::Direct, _) => "direct",
            (storyline::quotes::QuoteKind::Reported, _) => "reported",
        };
        writeln!(
            out,
            "  {:<10}  {:<18}  {:<8}  {}",
            r.published.map_or("-".to_string(), |p| p.date().to_string()),
            clip(outlet(&r.outlet), 18),
            kind,
            clip(&r.text.replace('\n', " "), 110)
        )?;
    }
    writeln!(out, "\n{} quotes", rows.len())
}

/// People, organisations and places with roles and counts.
pub fn entities(
    out: &mut impl Write,
    ents: &[storyline::corpus::directory::GlobalEntity],
) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<12}  {:<28}  {:>8}  {:>6}  roles",
        "kind", "name", "articles", "quotes"
    )?;
    for e in ents {
        let kind = serde_json::to_value(e.kind).ok();
        writeln!(
            out,
            "{:<12}  {:<28}  {:>8}  {:>6}  {}",
            kind.as_ref().and_then(|k| k.as_str()).unwrap_or("-"),
            clip(&e.name, 28),
            e.articles,
            e.quotes,
            clip(
                &e.roles.iter().take(3).cloned().collect::<Vec<_>>().join("; "),
                60
            )
        )?;
    }
    writeln!(out, "{} entities", ents.len())
}

/// Each article's temporal expressions: the expression, its type and normalised value.
pub fn dates(out: &mut impl Write, arts: &[Article]) -> std::io::Result<()> {
    for a in arts {
        let published = a
            .published
            .as_ref()
            .map_or("unknown".into(), |p| p.value.to_string());
        writeln!(out, "{}  {}  published {}", a.id, a.source.path, published)?;
        for t in &a.timexes {
            let kind = serde_json::to_value(t.kind).ok();
            writeln!(
                out,
                "  {:<32}  {:<8}  {}",
                clip(t.span.slice(&a.text).unwrap_or(""), 32),
                kind.as_ref().and_then(|k| k.as_str()).unwrap_or("-"),
                t.value
            )?;
        }
        for d in &a.sentence_dates {
            let sentence = a
                .sentences
                .get(d.sentence)
                .and_then(|s| s.slice(&a.text))
                .unwrap_or("");
            let rule = serde_json::to_value(d.rule).ok();
            writeln!(
                out,
                "    {:<12}  {:<11}  {}",
                d.value,
                rule.as_ref().and_then(|r| r.as_str()).unwrap_or("-"),
                clip(sentence, 90)
            )?;
        }
    }
    Ok(())
}

/// The JSON record `storyline dates --format jsonl` prints for an article.
pub fn dates_record(a: &Article) -> serde_json::Value {
    serde_json::json!({
        "id": a.id,
        "source": a.source,
        "published": a.published,
        "timexes": a.timexes.iter().map(|t| serde_json::json!({
            "text": t.span.slice(&a.text),
            "span": t.span,
            "type": t.kind,
            "value": t.value,
            "anchor": t.anchor,
        })).collect::<Vec<_>>(),
        "sentences": a.sentence_dates.iter().map(|d| serde_json::json!({
            "text": a.sentences.get(d.sentence).and_then(|s| s.slice(&a.text)),
            "value": d.value,
            "rule": d.rule,
            "timex": d.timex,
        })).collect::<Vec<_>>(),
    })
}

/// The storyline listing's JSON record: the storyline with its summary sentences.
#[derive(serde::Serialize)]
pub struct StoryRecord<'a> {
    #[serde(flatten)]
    pub storyline: &'a storyline::store::stories::StorylineRow,
    pub summary: storyline::stories::summary::Summary<'a>,
}

pub fn story_record(s: &storyline::run::Story) -> StoryRecord<'_> {
    StoryRecord {
        storyline: &s.storyline,
        summary: s.summary(storyline::run::SUMMARY_SENTENCES),
    }
}

/// A storyline in full: summary, timeline, who said what, sources.
#[derive(serde::Serialize)]
pub struct StoryDetail<'a> {
    #[serde(flatten)]
    pub storyline: &'a storyline::store::stories::StorylineRow,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<&'a storyline::store::stories::EventRow>,
    pub summary: storyline::stories::summary::Summary<'a>,
    pub timeline: storyline::stories::timeline::Timeline<'a>,
    pub speakers: Vec<storyline::run::StorySpeaker>,
    pub figures: Vec<storyline::claims::TrackedMeasure>,
    /// Framing by outlet, each outlet's lists cut to [`STORY_FRAMING`] (`storyline framing
    /// ID` has them all).
    pub framing: storyline::framing::Framing,
    pub sources: Vec<storyline::run::StorySource>,
}

/// Entries per outlet list of the framing in `storyline story ID`.
const STORY_FRAMING: usize = 8;

pub fn story_detail(s: &storyline::run::Story) -> StoryDetail<'_> {
    let figures = s.figures();
    let framing = s.framing(&figures).abridged(STORY_FRAMING);
    StoryDetail {
        storyline: &s.storyline,
        event: s.event.as_ref(),
        summary: s.summary(storyline::run::STORY_SUMMARY_SENTENCES),
        timeline: s.timeline(None),
        speakers: s.speakers(),
        figures,
        framing,
        sources: s.sources(),
    }
}

pub fn stories(out: &mut impl Write, stories: &[storyline::run::Story]) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<16}  {:<10}  {:<10}  {:>5}  {:>6}  {:>7}  title",
        "id", "start", "end", "size", "events", "outlets"
    )?;
    for s in stories {
        let l = &s.storyline;
        writeln!(
            out,
            "{:<16}  {:<10}  {:<10}  {:>5}  {:>6}  {:>7}  {}",
            clip(&l.id, 16),
            l.start,
            l.end,
            l.size,
            l.events.len(),
            l.outlets.len(),
            clip(l.title.as_deref().unwrap_or("(untitled)"), 70)
        )?;
    }
    Ok(())
}

fn storyline_lines(
    out: &mut impl Write,
    l: &storyline::store::stories::StorylineRow,
    events: usize,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{}  {} – {}  {}, {}, outlets: {}",
        l.title.as_deref().unwrap_or("(untitled)"),
        l.start,
        l.end,
        counted(l.size as usize, ["article", "articles"]),
        counted(l.event_count as usize, ["event", "events"]),
        l.outlets.join(", ")
    )?;
    for e in l.events.iter().take(events) {
        writeln!(
            out,
            "  event {}  {} – {}  {}  {}",
            clip(&e.id, 16),
            e.start,
            e.end,
            counted(e.size as usize, ["article", "articles"]),
            clip(e.title.as_deref().unwrap_or("(untitled)"), 60)
        )?;
    }
    // The row may hold only the largest events (a digest's report): the count says how
    // many there are.
    let total = (l.event_count as usize).max(l.events.len());
    more(out, "  ", total, events.min(l.events.len()), ["event", "events"])
}

pub fn story(out: &mut impl Write, s: &storyline::run::Story) -> std::io::Result<()> {
    writeln!(out, "Storyline {}", s.storyline.id)?;
    storyline_lines(out, &s.storyline, usize::MAX)?;
    if let Some(e) = &s.event {
        writeln!(out, "\nEvent {}: {}", e.id, e.title.as_deref().unwrap_or(""))?;
    }
    writeln!(out, "\nSummary")?;
    for x in s.summary(storyline::run::STORY_SUMMARY_SENTENCES).sentences {
        writeln!(
            out,
            "  - {}  [{}, {}]",
            x.text.trim(),
            outlet(&x.outlet.map(str::to_string)),
            x.published.map_or("-".into(), |d| d.to_string())
        )?;
    }
    writeln!(out, "\nTimeline")?;
    timeline_lines(out, &s.timeline(None))?;
    writeln!(out, "\nWho said what")?;
    for sp in s.speakers() {
        let roles = if sp.roles.is_empty() {
            String::new()
        } else {
            format!(" ({})", sp.roles.join("; "))
        };
        writeln!(out, "  {}{roles}", sp.name)?;
        for q in &sp.quotes {
            let also: Vec<&str> = q.also.iter().map(|c| outlet(&c.outlet)).collect();
            let also = if also.is_empty() {
                String::new()
            } else {
                format!("; also {}", also.join(", "))
            };
            writeln!(
                out,
                "    {}  [{}, {}{also}]",
                clip(&q.text, 120),
                outlet(&q.outlet),
                q.published.as_deref().and_then(|p| p.get(..10)).unwrap_or("-")
            )?;
        }
    }
    writeln!(out, "\nFigures")?;
    let figures = s.figures();
    figure_lines(out, &figures, STORY_MEASURES)?;
    let f = s.framing(&figures).abridged(STORY_FRAMING);
    if f.outlets.len() >= 2 {
        writeln!(out, "\nFraming (more: storyline framing {})", s.storyline.id)?;
        for t in f.terms.iter().take(3) {
            let terms: Vec<String> = t
                .terms
                .iter()
                .map(|u| {
                    let by: Vec<&str> = u.counts.iter().map(|c| c.outlet.as_str()).collect();
                    format!("“{}” [{}]", u.term, by.join(", "))
                })
                .collect();
            writeln!(out, "  term choice: {}", terms.join(" · "))?;
        }
        for q in &f.quotes {
            writeln!(out, "  {}: {:.0} % quotation", q.outlet, q.quote_share * 100.0)?;
        }
        let sentence = |r: &storyline::framing::TextRef| clip(s.sentence_of(r).unwrap_or("").trim(), 110);
        framing_wording(out, &f, &sentence)?;
    }
    writeln!(out, "\nSources")?;
    for src in s.sources() {
        let a = &src.article;
        writeln!(
            out,
            "  {}  {:<24}  {}  {}",
            a.published.as_deref().and_then(|p| p.get(..10)).unwrap_or("-"),
            clip(outlet(&a.outlet), 24),
            clip(a.title.as_deref().unwrap_or(&a.id), 60),
            a.url.as_deref().unwrap_or(&a.source)
        )?;
        for c in &src.copies {
            writeln!(
                out,
                "      copy: {}  {}",
                outlet(&c.outlet),
                c.url.as_deref().unwrap_or(&c.source)
            )?;
        }
    }
    Ok(())
}

/// What dated a timeline sentence, in words.
fn evidence(e: &storyline::stories::timeline::Evidence<'_>) -> String {
    use storyline::stories::timeline::Evidence;
    match e {
        Evidence::Expression { text, .. } => format!("dated by “{text}”"),
        Evidence::Shifted { text } => format!("dated by “{text}”, counted on"),
        Evidence::Published { published } => format!("published {published}"),
        Evidence::DayBefore { published } => {
            format!("lead of an article published the next day, {published}")
        }
    }
}

fn timeline_lines(
    out: &mut impl Write,
    t: &storyline::stories::timeline::Timeline<'_>,
) -> std::io::Result<()> {
    for d in &t.dates {
        writeln!(out, "  {}", d.score.date)?;
        for x in &d.sentences {
            writeln!(
                out,
                "    - {}  [{}; {}]",
                x.extract.text.trim(),
                outlet(&x.extract.outlet.map(str::to_string)),
                evidence(&x.evidence)
            )?;
        }
    }
    Ok(())
}

/// A timeline as Markdown: a heading per date, its sentences with their sources.
pub fn timeline_md(
    out: &mut impl Write,
    s: &storyline::run::Story,
    t: &storyline::stories::timeline::Timeline<'_>,
) -> std::io::Result<()> {
    let title = s
        .event
        .as_ref()
        .and_then(|e| e.title.as_deref())
        .or(s.storyline.title.as_deref())
        .unwrap_or("(untitled)");
    writeln!(out, "# {title}\n")?;
    for d in &t.dates {
        writeln!(out, "## {}\n", d.score.date)?;
        for x in &d.sentences {
            writeln!(
                out,
                "- {} — *{}*, {} ({})",
                x.extract.text.trim(),
                x.extract.outlet.unwrap_or("(unknown outlet)"),
                x.extract.article,
                evidence(&x.evidence)
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Measures shown in `storyline story` (all of them in `storyline figures`).
const STORY_MEASURES: usize = 8;

/// Measures with their claims in as-of order; a claim in a discrepancy is marked `≠`.
fn figure_lines(
    out: &mut impl Write,
    measures: &[storyline::claims::TrackedMeasure],
    limit: usize,
) -> std::io::Result<()> {
    for m in measures.iter().take(limit) {
        writeln!(
            out,
            "  {}: {}, {}, {}",
            m.label(),
            counted(m.claims_total, ["claim", "claims"]),
            counted(m.outlets.len(), ["outlet", "outlets"]),
            storyline::store::tag(&m.trend)
        )?;
        for (i, c) in m.claims.iter().enumerate() {
            let flagged = m.discrepancies.iter().any(|d| d.first == i || d.second == i);
            let as_of = c
                .figure
                .as_of
                .as_ref()
                .map_or("-".to_string(), ToString::to_string);
            let cited = c
                .figure
                .cited
                .as_ref()
                .map_or(String::new(), |n| format!(", citing {}", n.name));
            writeln!(
                out,
                "   {} {:<10}  {:<32}  {:<20}  {}{cited}",
                if flagged { "≠" } else { " " },
                as_of,
                clip(&c.figure.value_text(), 32),
                clip(outlet(&c.outlet), 20),
                clip(c.sentence.trim(), 100)
            )?;
        }
        for d in &m.discrepancies {
            writeln!(
                out,
                "     disagree: {} vs {} ({:.0} % apart, same period)",
                outlet(&m.claims[d.first].outlet),
                outlet(&m.claims[d.second].outlet),
                d.gap * 100.0
            )?;
        }
    }
    more(out, "  ", measures.len(), limit, ["measure", "measures"])
}

/// `storyline figures ID`: every measure of the story.
pub fn figures(out: &mut impl Write, measures: &[storyline::claims::TrackedMeasure]) -> std::io::Result<()> {
    if measures.is_empty() {
        writeln!(out, "(no figures)")?;
    }
    figure_lines(out, measures, usize::MAX)
}

/// `storyline framing ID`: term choice, distinctive words, quote selection and omissions
/// by outlet, each with an example sentence.
pub fn framing(
    out: &mut impl Write,
    s: &storyline::run::Story,
    f: &storyline::framing::Framing,
) -> std::io::Result<()> {
    let sentence = |r: &storyline::framing::TextRef| clip(s.sentence_of(r).unwrap_or("").trim(), 110);
    let outlet_of = |id: &str| {
        f.outlets
            .iter()
            .find(|o| o.articles.iter().any(|a| a == id))
            .map_or("(unknown outlet)", |o| o.outlet.as_str())
    };
    writeln!(
        out,
        "Outlets: {}",
        f.outlets
            .iter()
            .map(|o| o.outlet.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    )?;
    writeln!(out, "\nTerm choice (the same referent in different words)")?;
    if f.terms.is_empty() {
        writeln!(out, "  (none found)")?;
    }
    for t in &f.terms {
        let terms: Vec<String> = t
            .terms
            .iter()
            .map(|u| {
                let by: Vec<String> = u
                    .counts
                    .iter()
                    .map(|c| format!("{} {}", c.outlet, c.count))
                    .collect();
                format!("“{}” [{}]", u.term, by.join(", "))
            })
            .collect();
        let method = storyline::store::tag(&t.method);
        writeln!(out, "  {}  ({method}, {:.2})", terms.join(" · "), t.score)?;
        for u in &t.terms {
            writeln!(
                out,
                "      {}: {}",
                outlet_of(&u.example.article),
                sentence(&u.example)
            )?;
        }
    }
    writeln!(
        out,
        "\nDistinctive words by outlet (log-odds with an informative prior; z)"
    )?;
    for w in &f.distinctive {
        let over: Vec<String> = w
            .over
            .iter()
            .take(10)
            .map(|d| format!("{} ({:.1}, {}×)", d.term, d.z, d.count))
            .collect();
        writeln!(
            out,
            "  {}: {}",
            w.outlet,
            if over.is_empty() {
                "-".into()
            } else {
                over.join(", ")
            }
        )?;
    }
    framing_wording(out, f, &sentence)?;
    writeln!(out, "\nQuote selection")?;
    for q in &f.quotes {
        let speakers: Vec<String> = q
            .speakers
            .iter()
            .map(|p| format!("{} ({})", p.name, p.quotes))
            .collect();
        writeln!(
            out,
            "  {}: {:.0} % of its text is quotation; quotes {}",
            q.outlet,
            q.quote_share * 100.0,
            if speakers.is_empty() {
                "nobody".into()
            } else {
                speakers.join(", ")
            }
        )?;
        for o in &q.left_out {
            writeln!(
                out,
                "      leaves out {} (quoted by {})",
                o.name,
                o.reported_by.join(", ")
            )?;
        }
    }
    writeln!(out, "\nWhat each outlet leaves out")?;
    for o in &f.omissions {
        if o.entities.is_empty() && o.speakers.is_empty() && o.figures.is_empty() {
            continue;
        }
        writeln!(out, "  {}:", o.outlet)?;
        for e in &o.entities {
            writeln!(out, "      {} (named by {})", e.name, e.reported_by.join(", "))?;
        }
        for fig in &o.figures {
            writeln!(
                out,
                "      the figure for {} (reported by {}): {}",
                fig.measured,
                fig.reported_by.join(", "),
                sentence(&fig.example)
            )?;
        }
    }
    writeln!(
        out,
        "\nWhat only one outlet reports (sentences no other outlet's text covers)"
    )?;
    for w in f.wording.iter().filter(|w| !w.exclusive.is_empty()) {
        writeln!(out, "  {}:", w.outlet)?;
        for e in w.exclusive.iter().take(3) {
            writeln!(out, "      {}", sentence(&e.at))?;
        }
    }
    Ok(())
}

/// The loaded wording of each outlet: terms with their class and counts, the others'
/// uses of the same word beside them, and the first term's sentence.
fn framing_wording(
    out: &mut impl Write,
    f: &storyline::framing::Framing,
    sentence: &dyn Fn(&storyline::framing::TextRef) -> String,
) -> std::io::Result<()> {
    writeln!(
        out,
        "\nLoaded wording by outlet (in its own voice, not in quotations)"
    )?;
    for w in &f.wording {
        let terms: Vec<String> = w
            .loaded
            .iter()
            .take(10)
            .map(|t| {
                let others: Vec<String> = t
                    .others
                    .iter()
                    .map(|o| format!("{} {}", o.outlet, o.count))
                    .collect();
                let also = if others.is_empty() {
                    String::new()
                } else {
                    format!("; also {}", others.join(", "))
                };
                format!(
                    "{} ({}, {}×{also})",
                    t.term,
                    storyline::store::tag(&t.cue),
                    t.count
                )
            })
            .collect();
        writeln!(
            out,
            "  {}: {}",
            w.outlet,
            if terms.is_empty() {
                "-".into()
            } else {
                terms.join(", ")
            }
        )?;
        if let Some(t) = w.loaded.first() {
            writeln!(out, "      {}", sentence(&t.example))?;
        }
    }
    Ok(())
}
