//! Clean: scraped plain text → article paragraphs, with every dropped piece kept
//! and labelled (advertisement, share prompt, related links, caption, byline, …).
//!
//! Scraped text has one block per line. Each line is first judged on its own
//! (rules over its wording and shape), then in context: a related-links header
//! starts a run of link titles, a comment header starts the comment section, the
//! page's tail after the last paragraph is navigation, a headline repeated or a
//! teaser repeated later is not body text. Corpus-level evidence (a line repeated
//! across many articles of one outlet) is applied later, by [`crate::corpus::template`].

use std::sync::LazyLock;

use regex::Regex;

use crate::article::{OutletSource, Removed, RemovedKind};
use crate::extract::outlets;

/// How much of the page structure is still to be found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CleanMode {
    /// Scraped text: title, subtitle and byline are inside the text.
    Scraped,
    /// Text extracted from HTML: the title came from the markup.
    Extracted,
}

/// The result of cleaning one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub authors: Vec<String>,
    /// An outlet named by a tell-tale line, and which kind of line it was.
    pub outlet: Option<(String, OutletSource)>,
    pub paragraphs: Vec<String>,
    pub removed: Vec<Removed>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Body,
    Title,
    Subtitle,
    Drop(RemovedKind),
}

struct Line {
    text: String,
    words: usize,
    key: u64,
    role: Role,
}

/// Line keys are already hashes: use them as they are.
#[derive(Default, Clone, Copy)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type KeyHash = std::hash::BuildHasherDefault<KeyHasher>;

/// Compiles a rule. Word boundaries are ASCII (`(?-u:\b)`): Unicode ones make the regex
/// engine fall back to its slowest matcher on non-ASCII text, and every rule here is
/// anchored on ASCII words.
fn re(p: &str) -> Regex {
    Regex::new(&p.replace(r"\b", r"(?-u:\b)")).expect("static regex")
}

macro_rules! lazy_re {
    ($name:ident, $p:expr) => {
        static $name: LazyLock<Regex> = LazyLock::new(|| re($p));
    };
}

lazy_re!(
    ADVERT,
    r"(?i)^[-–—\s*]*(advertisements?|advertising|adverts?|ads?|sponsored( content| links?)?|paid (content|post)|promoted( content)?|anzeige|werbung|publicit[ée]|publicidad|pubblicit[àa]|реклама|reklam)[-–—\s*.:]*$"
);
lazy_re!(
    COUNTER,
    r"(?i)(\b(read|viewed|seen|visited|shared)\b[^.]{0,40}?\b\d[\d,.\s]*\s*times\b|^\s*\d[\d,.\s]*(k\s*)?(views?|reads?|hits|comments?|shares?|likes?|reactions?)\s*$|^\s*(views?|reads?|hits|comments?|shares?)\s*:?\s*\d[\d,.\s]*$|^\s*\d+\s*(min(ute)?s?)\s+read\s*$)"
);
lazy_re!(
    RELATED_HEADER,
    r"(?i)^[\s#*>-]*(recommended( articles| stories| for you| reading| videos?)?|related( articles?| stories| news| posts| content| coverage| topics| links| videos?)?|read (more|also|next)|also read|see also|more (from|on|in|about)\b.*|more( [\w'’-]+){0,3} (stories|news|articles|headlines|videos|reads)|(stories|articles) you (may|might) (like|have missed|also like)|you (may|might) (also )?(like|be interested in)|most (read|popular|viewed|shared|watched)|trending( now| stories| news)?|popular( now| stories| news)?|latest( news| stories| headlines)?|top (stories|news|headlines)|editor'?s (picks|choice)|don'?t miss|further reading|what to read next|in case you missed it|other news|also on [\w ]+|sponsored stories)\s*[:.!]?\s*$"
);
lazy_re!(
    NAV_PREV_NEXT,
    r"(?i)^(previous|next|older|newer|prev)\b.{0,30}$|^.{0,30}\b(previous|next) (news|article|story|post)s?\s*$|^(back to top|skip to (main )?content|home|menu|search|close|open menu|toggle navigation|print|e-?mail)\s*$"
);
lazy_re!(
    SHARE,
    r"(?i)^(share( this( article| story| post| page)?)?( on (facebook|twitter|x|whatsapp|linkedin|telegram|email)|\s*:\s*(facebook|twitter|x|whatsapp|linkedin|telegram|pinterest|reddit|email|e-mail|print|copy link)([\s,|/•·]+(facebook|twitter|x|whatsapp|linkedin|telegram|pinterest|reddit|email|e-mail|print|copy link))*)?|tweet|(facebook|twitter|x|whatsapp|linkedin|telegram|pinterest|reddit|email|e-mail|print|copy link|vk|ok)([\s,|/•·]+(facebook|twitter|x|whatsapp|linkedin|telegram|pinterest|reddit|email|e-mail|print|copy link|vk|ok))*|click to share.*|share via.*)\s*[:!.]?\s*$"
);
// Words that only a site's own furniture uses ("Subscribe", "Sign up for our newsletter").
lazy_re!(
    UI_WORDS,
    r"(?i)\b(subscribe|newsletters?|sign[ -]?up|click here|news alerts|breaking news emails?|delivered (to|through) your|register now|browser settings|(site|website|page) uses cookies|our app|follow us|join our|push alerts|premium (content|members?)|paywall|create (an )?account|(already|become) a (member|subscriber)|terms of (use|service)|privacy policy|all rights reserved|copyright ©?)\b"
);
// Words a news sentence uses too ("The app recorded 40 million downloads", "Hundreds join
// the march", "a heat alert for the weekend", "the bakery's cookies", "the carrier's
// subscriber base grew"): furniture only in
// a line that calls on the reader (`UI_CALL`, the second person, the site's "we/our/us")
// or a line of a few words (a menu entry: "Notifications", "Log in").
lazy_re!(
    UI_WEAK_WORDS,
    r"(?i)\b(log[ -]?in|notifications?|cookies?|subscri(bers?|ptions?|bed|bing)|the app|download (our|the)|join the|alerts? (for|on)|unblock)\b"
);
lazy_re!(
    UI_CALL,
    r"(?i)^[\W\d]*(download|get|join|sign|subscribe|follow|click|tap|enable|allow|turn on|install|open|manage|accept|log|register|receive|stay|never miss|don'?t miss|update|visit)\b"
);
lazy_re!(
    RELATED_PREFIX,
    r"(?i)^(read more|read also|see more|see also|also read|also see|related( post| article| story| coverage| video)?|more|watch|listen|recommended|further reading)\s*:\s*\S"
);
lazy_re!(
    UI_LINE,
    r"(?i)^(image|photo|slide|picture) \d+\s*(of|/)\s*/?\s*\d+$|^(caption|close|expand|collapse|show more|show less|load more|loading( content)?|see all|view all|view gallery|open gallery|play video|watch video|listen to (this )?article|print this( page| article)?)\W*$|this (slideshow|video|content|feature) requires javascript|enable javascript"
);
// Counted repetitions of Unicode letter classes (`(…\p{L}…){0,12}`) make the regex engine
// build one copy of the class per count: several milliseconds of compiling each, paid by every
// process. Here and in BYLINE and DATELINE_CODE the repetitions are unbounded (lazy where the
// count matters) and the bounds are checked on the captures ([`author_bio`], [`byline`],
// [`dateline_code`]).
lazy_re!(
    AUTHOR_BIO,
    r"^\p{Lu}[\p{L}'’.-]+((?: \p{Lu}[\p{L}'’.-]+)*?) (is|was) an? ((?:[\p{L}-]+ )*?)(writer|reporter|journalist|editor|correspondent|columnist|contributor|freelancer|producer|author|blogger|photographer)\b"
);
lazy_re!(COPYRIGHT, r"(?i)copyright");
// A picture credit glued to the end of a caption ("… on Sunday. Jo Roe/Getty Images").
lazy_re!(
    TRAILING_CREDIT,
    r"[./]\s*[^.]{0,60}(Getty Images|AFP|Reuters|AP Photo|EPA|Shutterstock|Alamy|Bloomberg via Getty Images|Anadolu Agency)\s*$"
);
// Markup that leaked into text: escaped tags, shortcodes, editor bookmarks.
lazy_re!(
    MARKUP,
    r"&(amp;)?lt;/?[a-zA-Z]|\[[a-z_]+\s+[a-z_]+=|\[/[a-z_]+\]|data-mce-|</?(span|div|p|a|img|br|iframe|script)\b[^>]*>"
);
lazy_re!(NUMERIC_DATE, r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b");
lazy_re!(
    CONTACT_CUE,
    r"(?i)\b(reach|reached|contact|e-?mail|write to|tips?|tel|phone|fax|follow)\b"
);
lazy_re!(PHONE, r"\b\d{3}[-. ]\d{3}[-. ]\d{4}\b|\+\d{1,3}[ (]\d");
lazy_re!(
    TIMESTAMP_START,
    r"(?i)^(updated|published|posted|first published|last updated|last modified|modified|created|date|publicado|actualizado|atualizado|publié|publiée|mis à jour|aktualisiert|veröffentlicht|pubblicato|aggiornato)\b\s*:?"
);
lazy_re!(SECOND_PERSON, r"(?i)\b(you|your|you're|you'll|yours)\b");
lazy_re!(FIRST_PLURAL, r"(?i)\b(our|us|we)\b");
lazy_re!(
    REPORTING_VERB,
    r"(?i)\b(said|says|told|tells|according|stated|added|asked|warned|announced)\b"
);
lazy_re!(
    CONTACT,
    r"(?i)^(e-?mail|tel|phone|fax|contact( us)?|whatsapp|call)\b\s*:?\s*\S+"
);
lazy_re!(EMAIL, r"\b[\w.+-]+@([\w-]+(\.[\w-]+)+)\b");
lazy_re!(
    BARE_URL,
    r"(?i)^((https?://|www\.)\S+|[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|org|net|ir|ru|tr|uk|ng|info|news|tv)(/\S*)?)$"
);
lazy_re!(
    MIRROR,
    r"(?i)(can also be (accessed|reached|found|viewed|read)|alternat\w* (web )?(address|domain|url|link|site)s?|mirror (site|address|domain)s?)"
);
lazy_re!(
    MIRROR_OWNER,
    r"^(.{2,40}?)[’']s? (website|site|web site|portal)\b"
);
// Case variants are spelt out (no `(?i)`) so the engine can prefilter on the literals:
// this rule runs on most lines.
lazy_re!(
    COMMENT_WORD,
    r"[Cc]omment|COMMENT|[Kk]ommentar|KOMMENTAR|[Cc]oment[aá]rio|COMENT[AÁ]RIO|[Yy]orum|YORUM|[Кк]оммент|КОММЕНТ|[Кк]омент|КОМЕНТ|[Kk]omentarz|KOMENTARZ|[Rr]eactie|تعليق|评论|[Ll]eave a [Rr]eply|LEAVE A REPLY|[Pp]ost a [Rr]eply|[Jj]oin the [Cc]onversation|[Jj]oin the [Dd]iscussion|[Dd]isqus"
);
// Rule `commenter_signature`: a reader's comment is signed — "Posted by: name | date time"
// (blog and comment platforms), "Submitted by name | date". The label with a colon, or a
// bar after the name, then a year or a clock time (h:mm): article prose ("a video posted
// by the group on Monday") has neither, and a name in quotation marks is a post quoted,
// not a signature. Lines of a comment thread are long (the comment's text runs into its
// signature), so no length bound. A forum's form opens the comment instead: "At 17:02
// on 3 May 2019, name wrote:" (a clock time and then a year before the comma, a one-word
// handle after it, then "wrote" and a colon; a report's "On Monday, she wrote:", a live
// blog's "At 10:30, Smith wrote:" or "On 3 May 2019, the mayor wrote:" lacks one of
// them). A signed line counts only as part of a thread ([`reader_thread`]).
lazy_re!(
    COMMENT_SIGNATURE,
    r#"(?i)\b(?:posted|submitted|written|commented|sent)\s+by\s*(?::\s*([^|\s"“”][^|\n"“”]{0,40}?)\s*(?:\||\bon\b|\bat\b)|([^|\s"“”][^|\n"“”]{0,40}?)\s*\|)\s*[^|\n]{0,40}?(?:\b(?:19|20)\d\d\b|\b\d{1,2}:\d\d\b)|^(?:at|on)\s+[^,\n]{0,30}?\b\d{1,2}:\d\d\b[^,\n]{0,30}?\b(?:19|20)\d\d\s*,\s*([^\s,:"“”]{1,40})\s+wrote\s*:"#
);
lazy_re!(
    POLICY_WORD,
    r"(?i)(policy|moder|approv|aprova|onaylan|insult|hakaret|küfür|offensive|abusive|guidelines|reserve the right|will not be (published|approved)|are not (published|approved)|community standards|richtlinie|regeln|charte|normas|правил|оскорб)"
);
lazy_re!(
    SOURCE_LINE,
    r"(?i)^(sources?|kaynak|quelle|источник|fuente|fonte|fonti|bron)\s*:\s*\S.{0,60}$|^(with )?(agencies|wires|agency reports|news desk|news agencies)\.?$"
);
lazy_re!(
    AND_AGENCIES,
    r"(?i)^(.{2,40}?)\s*(and|with|&|\+)\s*(agencies|wires|news agencies)\.?$"
);
lazy_re!(
    CREDIT,
    r"(?i)^(photos?|photograph|images?|pictures?|pics?|videos?|credits?|illustrations?|graphics?|source of (photo|image))\s*(by|credit|courtesy)?\s*:\s*\S.{0,80}$|^©\s*\S|^\(?(photo|image|picture)\s*(by|credit|courtesy( of)?)\s+\S.{0,60}$"
);
lazy_re!(
    WIRE_CREDIT,
    r"(?i)^\(\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|compiling|research)\s+by\s+[^()]{2,300}\)\.?$"
);
lazy_re!(
    CAPTION_START,
    r"(?i)^(file )?(photo|image|picture|screenshot|screengrab)s?\s*(of|shows|showing|taken|:)\s"
);
lazy_re!(
    CAPTION_END,
    r"(?i)[-–—|/(]\s*(archive|file( photo)?|photo|reuters|afp|ap|getty( images)?|epa|aa|anadolu|handout|screengrab|screenshot)\s*\)?\s*$|\((image|photo|picture|pictured|credit|photograph)s?\s*:[^)]{1,60}\)\s*$|(credit|photograph|photo)\s*:\s*\S.{0,60}$"
);
lazy_re!(
    ENDS_WITH_DATE,
    r"(?i),?\s*(on\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(19|20)\d\d\s*\.?$"
);
// Rule `head_source_date`: a line of the page's head naming its source (or place) and a
// full date, "Tidewater Ledger, 14 March 2030", "LOWMERE | Thursday, March 14, 2030".
lazy_re!(
    SOURCE_AND_DATE,
    r"^\p{Lu}[\p{L}&.'’-]*(?:\s+(?:\p{Lu}[\p{L}&.'’-]*|of|the|and|&)){0,5}\s*[,|–—-]\s*(?i:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?i:\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?)\s+(?:19|20)\d\d(?i:,?\s+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)?\.?$"
);
lazy_re!(
    PAST_TENSE,
    r"(?i)\b(\w{3,}ed|was|were|had|said|told|took|came|went|began|met|made|gave|saw|fell|held|won|got|left|led|fled|hit|shot|struck|ran|sent|spoke|wrote|became|brought|fought|thought|knew|kept|lost|paid|put|rose|sought|stood|withdrew)\b"
);
/// Newsroom posts: a byline's role after a comma ("By Ana Ruiz, transport editor"), and a
/// byline's last word when it names a desk rather than an author (`newsroom_desk`).
const NEWSROOM_ROLES: &[&str] = &[
    "editor",
    "correspondent",
    "reporter",
    "writer",
    "columnist",
    "contributor",
    "producer",
    "journalist",
];
lazy_re!(
    BYLINE,
    &format!(
        r"^(?:[Bb][Yy]|Written by|Words by|Reporting by|Von|Par|Por|Di)\s+(\p{{Lu}}[\p{{L}}'’.-]*(?:\s+(?:\p{{Lu}}[\p{{L}}'’.-]*|de|van|von|al|bin|el|da|di|and|&|,)|,)*?|(?:our\s+|the\s+|staff\s+)?(?:staff|{roles})s?)(?:,\s*(?:\p{{Ll}}+\s+){{0,3}}(?i:{roles}))?\s*(?:[-–—|/•·]\s*(.*)|,\s*((?i:published|posted|updated|first published|last updated)\b.*))?$",
        roles = NEWSROOM_ROLES.join("|")
    )
);
lazy_re!(
    DATELINE_CODE,
    r"^\p{Lu}([\p{Lu} .,'-]+?)(?:,?\s+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*\(([A-Za-z/]{2,12}|\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*?)\)\s*[-–—:]"
);
lazy_re!(BREADCRUMB, r"^[^.!?]{1,40}(\s+(>|»|›)\s+[^.!?]{1,40}){2,}$");
// Rule `menu_bar`: a site's sections in a row, "Home | Harbour | Weather | Sport": three or
// more short items between bars or bullets. A headline set beside its section and outlet
// ("Ferries | Fares rise again after the storm | Quillby Tidings") has a long part and
// stays (see `menu_bar`).
lazy_re!(MENU_BAR, r"^[^|•·.!?]{1,30}(?:\s+[|•·]\s+[^|•·.!?]{1,30}){2,}$");
lazy_re!(MEDIA_EXT, r"(?i)^(jpe?g|png|gif|webp|mp4|mpeg4?|mov|webm|m4v)");
lazy_re!(
    MEDIA_TOKEN,
    r"(?i)^[a-z0-9_.-]*((jpe?g|png|gif|webp|mp4|mpeg4?|mov|webm|m4v)[a-z0-9_.-]*|\d{2,4}x\d{2,4})$"
);
lazy_re!(RESOLUTION, r"\d{2,4}x\d{2,4}");

const QUOTES: [char; 6] = ['"', '“', '”', '«', '»', '„'];

fn has_quote(s: &str) -> bool {
    s.contains(QUOTES)
}

/// Ends like a sentence: terminal punctuation, possibly inside closing quotes.
fn sentence_end(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', ' ']);
    t.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// The last character, closing quotes aside, is sentence punctuation (not a bracket).
fn ends_with_terminal(s: &str) -> bool {
    s.trim_end_matches(['"', '”', '’', '\'', ' '])
        .ends_with(['.', '!', '?', '…'])
}

/// Looks like a headline: short, no final full stop.
fn headline_like(l: &Line) -> bool {
    let t = l.text.trim_end_matches(['"', '”', '’', '\'', ')', ' ']);
    l.words >= 2
        && l.words <= 25
        && !t.ends_with(['.', ':', ';', ','])
        && l.text.chars().next().is_some_and(|c| !c.is_lowercase())
}

/// A normalised key for duplicate detection: a hash of the letters and digits,
/// lower-cased. Zero for a line with no letters or digits.
pub(crate) fn line_key(s: &str) -> u64 {
    /// ASCII letters and digits lower-cased; everything else 0 (dropped).
    const FOLD: [u8; 128] = {
        let mut t = [0u8; 128];
        let mut i = 0;
        while i < 128 {
            let b = i as u8;
            if b.is_ascii_alphanumeric() {
                t[i] = b.to_ascii_lowercase();
            }
            i += 1;
        }
        t
    };
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut buf = [0u8; 256];
    let mut len = 0;
    let mut any = false;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if len + 16 > buf.len() {
            hasher.update(&buf[..len]);
            len = 0;
        }
        let b = bytes[i];
        if b < 0x80 {
            let f = FOLD[b as usize];
            buf[len] = f;
            len += (f != 0) as usize;
            i += 1;
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            if c.is_alphanumeric() {
                for l in c.to_lowercase() {
                    len += l.encode_utf8(&mut buf[len..]).len();
                }
            }
            i += c.len_utf8();
        }
        any |= len > 0;
    }
    hasher.update(&buf[..len]);
    if any {
        hasher.digest() | 1
    } else {
        0
    }
}

/// A byline ("By Ann Lee and Bo Day - Wire"): at most 12 names, joiners and commas after the
/// first name, a newsroom role after a comma ("By Ann Lee, health editor • 9 May 2031"),
/// and at most 60 characters after a dash, bar or bullet. The names are group 1.
fn byline(t: &str) -> Option<regex::Captures<'_>> {
    let c = BYLINE.captures(t)?;
    let names = &c[1];
    // Each step of the repetition is whitespace then a word, or a comma glued to a word.
    let glued_commas = names
        .chars()
        .zip(names.chars().skip(1))
        .filter(|&(a, b)| b == ',' && !a.is_whitespace())
        .count();
    let steps = names.split_whitespace().count() - 1 + glued_commas;
    // The tail after a dash or bar, or a stamp after a comma ("By Ana Ruiz, Published …").
    let tail_ok = c
        .get(2)
        .or(c.get(3))
        .is_none_or(|m| m.as_str().chars().count() <= 60);
    (steps <= 12 && tail_ok).then_some(c)
}

/// A row of a site's sections ([`MENU_BAR`]): every item at most three words.
fn menu_bar(t: &str) -> bool {
    MENU_BAR.is_match(t)
        && t.split(['|', '•', '·'])
            .all(|part| part.split_whitespace().count() <= 3)
}

/// An author's bio ("Ann Lee is a freelance writer …"): at most three more capitalised names
/// before "is"/"was", at most four words before the role.
fn author_bio(t: &str) -> bool {
    AUTHOR_BIO
        .captures(t)
        .is_some_and(|c| c[1].split_whitespace().count() <= 3 && c[3].split_whitespace().count() <= 4)
}

/// The agency code of a dateline ("LINDVIK (NWA) –", "LINDVIK, May 3 (NWA) –") or the
/// wire's name written out there ("LINDVIK (Nordic Wire) –"), when the place before it is
/// at most 41 characters.
fn dateline_code(t: &str) -> Option<&str> {
    let c = DATELINE_CODE.captures(t)?;
    (c[1].trim_end_matches(' ').chars().count() <= 40).then(|| c.get(2).map_or("", |m| m.as_str()))
}

// Rule `leading_photo_credit`: photo credits set in brackets at the start of a line, before
// the caption or text they belong to — "(Wire Photo/Jo Roe)", "(Wire Photo/Jo Roe, Pool)",
// "(Jo Roe - AP)", "(Photos By Jo Roe -- The Daily Star)". A page that sets its picture
// above the story glues them to its first line, so a summary or a timeline that shows that
// line would open with them.
lazy_re!(
    LEADING_CREDIT,
    r"^\((?:\p{Lu}[\p{L}.]*\s+)?Photos?\s*\\?/\s*[^()/\\]{1,60}\)\s*|^\((?i:photos?|photograph|image|picture)s?\s+(?i:by|courtesy of|:)\s*[^()]{1,80}\)\s*|^\(\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){0,3}\s+[-–—]{1,2}\s+(?:AP|AFP|Reuters|EPA|Getty Images|Bloomberg|Associated Press|Pool)\)\s*"
);

/// The photo credits in brackets that open `s` ([`LEADING_CREDIT`]), and the rest; `None`
/// when none opens it or nothing follows them (a line of credits alone is left to the
/// line rules).
fn strip_leading_credits(s: &str) -> Option<(String, String)> {
    let mut at = 0;
    while let Some(m) = LEADING_CREDIT.find(&s[at..]) {
        at += m.end();
    }
    let rest = s[at..].trim_start();
    (at > 0 && !rest.is_empty()).then(|| (s[..at].trim_end().to_string(), rest.to_string()))
}

/// Strips a media file name glued before the first word ("jpegMpeg4-1280x720Syria's …").
fn strip_media_junk(s: &str) -> Option<(String, String)> {
    let token_end = s.find(char::is_whitespace).unwrap_or(s.len());
    let token = &s[..token_end];
    if !(RESOLUTION.is_match(token) || MEDIA_EXT.is_match(token)) {
        return None;
    }
    let mut best = None;
    for (i, c) in token.char_indices().skip(1) {
        if !c.is_uppercase() {
            continue;
        }
        let next_lower = token[i + c.len_utf8()..]
            .chars()
            .next()
            .is_some_and(|n| n.is_lowercase() || n == '\'' || n == '’');
        if next_lower && MEDIA_TOKEN.is_match(&token[..i]) {
            best = Some(i);
        }
    }
    best.map(|i| (s[..i].to_string(), s[i..].to_string()))
}

fn split_lines(text: &str, removed: &mut Vec<Removed>) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    for raw in text.lines() {
        let t = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{a0}');
        if t.is_empty() {
            continue;
        }
        let mut t = crate::text::without_controls(t).trim().to_string();
        if t.is_empty() {
            continue;
        }
        if let Some((junk, rest)) = strip_media_junk(&t) {
            removed.push(Removed {
                kind: RemovedKind::MediaJunk,
                text: junk,
                head: false,
            });
            t = rest;
        }
        if let Some((credits, rest)) = t.starts_with('(').then(|| strip_leading_credits(&t)).flatten() {
            removed.push(Removed {
                kind: RemovedKind::Credit,
                text: credits,
                head: false,
            });
            t = rest;
        }
        // Re-join hard-wrapped lines: a long line without an ending, then a lower-case start.
        if let Some(prev) = lines.last_mut() {
            let starts_lower = t.chars().next().is_some_and(char::is_lowercase);
            if starts_lower && prev.text.len() >= 40 && !sentence_end(&prev.text) {
                prev.text.push(' ');
                prev.text.push_str(&t);
                prev.words += t.split_whitespace().count();
                continue;
            }
        }
        let words = t.split_whitespace().count();
        lines.push(Line {
            key: 0,
            text: t,
            words,
            role: Role::Body,
        });
    }
    // Keys once the lines are whole.
    for l in &mut lines {
        l.key = line_key(&l.text);
    }
    lines
}

/// What a line is on its own, if it is boilerplate.
fn classify(l: &Line, mode: CleanMode) -> Option<RemovedKind> {
    use RemovedKind::*;
    let t = l.text.as_str();
    let quoted = has_quote(t);
    if l.words <= 4 && ADVERT.is_match(t) {
        return Some(Advertisement);
    }
    if t.contains(['&', '[', '<']) && MARKUP.is_match(t) {
        return Some(MediaJunk);
    }
    if l.words <= 60 && !quoted && TRAILING_CREDIT.is_match(t) {
        return Some(Caption);
    }
    // Rule `wire_credit`: a wire's closing credits in brackets ("(Reporting by Ana Ruiz
    // in Oslo; Editing by Jo Berg)") name its newsroom, not the story's people.
    if l.words <= 60 && t.starts_with('(') && WIRE_CREDIT.is_match(t) {
        return Some(Credit);
    }
    if l.words <= 14 && COUNTER.is_match(t) {
        return Some(Counter);
    }
    if l.words <= 30 && MIRROR.is_match(t) {
        return Some(MirrorNotice);
    }
    if l.words <= 40 && !quoted && COMMENT_WORD.is_match(t) && POLICY_WORD.is_match(t) {
        return Some(CommentPolicy);
    }
    if l.words <= 40 && !quoted && CAPTION_START.is_match(t) {
        return Some(Caption);
    }
    // (An embedded post's signature, "— Name (@handle) May 1, 2019", is not a caption; a
    // date alone on its line, "March 3, 2031", is a stamp, not a photo's caption.)
    if l.words <= 60
        && !quoted
        && !t.contains("(@")
        && t.trim_end_matches(['.', ' '])
            .ends_with(|c: char| c.is_ascii_digit())
        && ENDS_WITH_DATE.is_match(t)
        && !timestamp_like(t, l.words)
        && !REPORTING_VERB.is_match(t)
    {
        // A picture caption ends with the date it was taken; a news sentence that ends
        // with a date tells what happened (past tense) and ends with a full stop.
        if !t.ends_with('.') || !PAST_TENSE.is_match(t) {
            return Some(Caption);
        }
    }
    // The site talking to its reader ("your input will help us"): second person and the
    // site's own "we/our/us", outside any quotation.
    let scraped = mode == CleanMode::Scraped;
    if scraped
        && !quoted
        && l.words >= 8
        && l.words <= 60
        && SECOND_PERSON.is_match(t)
        && FIRST_PLURAL.is_match(t)
        && !REPORTING_VERB.is_match(t)
    {
        return Some(Subscription);
    }
    if !quoted && l.words <= 40 {
        if t.contains('@') && EMAIL.is_match(t) && CONTACT_CUE.is_match(t) {
            return Some(Navigation);
        }
        if l.words >= 4
            && t.bytes().filter(u8::is_ascii_digit).count() >= 7
            && PHONE.is_match(t)
            && (t.contains('|') || CONTACT_CUE.is_match(t))
        {
            return Some(Navigation);
        }
        if t.contains('©') || COPYRIGHT.is_match(t) {
            return Some(Credit);
        }
    }
    if timestamp_like(t, l.words) {
        return Some(Timestamp);
    }
    if l.words <= 20 && RELATED_PREFIX.is_match(t) {
        return Some(RelatedLinks);
    }
    if l.words <= 12 && UI_LINE.is_match(t) {
        return Some(Navigation);
    }
    if l.words > 15 {
        return None;
    }
    // Short lines from here on.
    if RELATED_HEADER.is_match(t) {
        return Some(RelatedLinks);
    }
    if SHARE.is_match(t) {
        return Some(Share);
    }
    // A bare address in scraped text is a menu or mirror link; in extracted HTML it is a
    // link the article itself shows.
    // (A byline set out with bars, "By Ana Ruiz | 9 May 2031 | 4 min read", is no menu.)
    if byline(t).is_some() {
        return Some(Byline);
    }
    if NAV_PREV_NEXT.is_match(t)
        || BREADCRUMB.is_match(t)
        || menu_bar(t)
        || (mode == CleanMode::Scraped && BARE_URL.is_match(t))
    {
        return Some(Navigation);
    }
    if CREDIT.is_match(t) {
        return Some(Credit);
    }
    if SOURCE_LINE.is_match(t) || AND_AGENCIES.is_match(t) {
        return Some(SourceLine);
    }
    if l.words <= 8 && COMMENT_WORD.is_match(t) && !quoted && !sentence_end(t) {
        return Some(CommentPolicy);
    }
    if !quoted && (CONTACT.is_match(t) || (t.contains('@') && EMAIL.is_match(t))) {
        return Some(Navigation);
    }
    let calls = t.ends_with(['!', ':']) || (scraped && FIRST_PLURAL.is_match(t));
    if !quoted && (UI_WORDS.is_match(t) || ui_weak(t, l.words) || (SECOND_PERSON.is_match(t) && calls)) {
        return Some(Subscription);
    }
    if !quoted && l.words <= 8 && t.ends_with('!') {
        return Some(Subscription);
    }
    if !quoted && l.words <= 20 && CAPTION_END.is_match(t) && !sentence_end(t) {
        return Some(Caption);
    }
    None
}

/// Rule `reader_thread`: two or more lines signed as readers' comments
/// ([`COMMENT_SIGNATURE`], and no byline) after the article's first paragraph make a
/// thread, and it runs to the end of the page: from the first of them on, nothing is the
/// article's (a comment's text shares its line with the signature that closes it; a
/// comment whose text stands on the lines before its signature, when it comes first, is
/// left in). A signed line before the first paragraph is the post's own byline; a signed
/// line that starts no thread keeps what the line rules made of it (a post quoted, a
/// footer).
fn reader_thread(lines: &mut [Line]) {
    let body_from = lines
        .iter()
        .position(|l| l.role == Role::Body && is_long_paragraph(l))
        .unwrap_or(lines.len());
    // Each line read once (the byline pattern only where the signature's matched).
    let signed: Vec<bool> = lines
        .iter()
        .map(|l| COMMENT_SIGNATURE.is_match(&l.text) && byline(&l.text).is_none())
        .collect();
    // (The line rules may have taken it for a stamp: "Posted by: …" opens like one.)
    for (l, _) in lines[..body_from].iter_mut().zip(&signed).filter(|(_, &s)| s) {
        l.role = Role::Drop(RemovedKind::Byline);
    }
    let mut signatures = (body_from..lines.len()).filter(|&i| signed[i]);
    let (Some(first), Some(_)) = (signatures.next(), signatures.next()) else {
        return;
    };
    for (l, &s) in lines[first..].iter_mut().zip(&signed[first..]) {
        if l.role == Role::Body || s {
            l.role = Role::Drop(RemovedKind::ReaderComment);
        }
    }
}

/// Rule `ui_weak`: a line with a word a site's furniture shares with news (`UI_WEAK_WORDS`)
/// is furniture when it calls on the reader — it opens with a call (`UI_CALL`: "Download
/// the app", "Turn on notifications"), speaks to them ("your"), or is the site speaking
/// ("we use cookies") — or is a menu entry of at most three words.
fn ui_weak(t: &str, words: usize) -> bool {
    UI_WEAK_WORDS.is_match(t)
        && (words <= 3 || UI_CALL.is_match(t) || SECOND_PERSON.is_match(t) || FIRST_PLURAL.is_match(t))
}

const DATE_WORDS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
    "mon",
    "monday",
    "tue",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
    "am",
    "pm",
    "a",
    "p",
    "m",
    "gmt",
    "utc",
    "est",
    "edt",
    "cst",
    "cdt",
    "pst",
    "pdt",
    "bst",
    "cet",
    "cest",
    "ist",
    "msk",
    "trt",
    "updated",
    "published",
    "posted",
    "modified",
    "first",
    "last",
    "on",
    "at",
    "de",
    "às",
    "le",
    "el",
    "am",
    "um",
    "et",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "januar",
    "februar",
    "märz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "segunda",
    "terça",
    "quarta",
    "quinta",
    "sexta",
    "sábado",
    "domingo",
    "feira",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "ocak",
    "şubat",
    "mart",
    "nisan",
    "mayıs",
    "haziran",
    "temmuz",
    "ağustos",
    "eylül",
    "ekim",
    "kasım",
    "aralık",
];

/// A line that is a date or time stamp ("Updated Nov 19, 9:41 AM", "22 de outubro de 2010 às
/// 20:13"): at least one number and nearly every word a date or time word.
fn timestamp_like(t: &str, words: usize) -> bool {
    if words > 16 || !t.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut total = 0;
    let mut datey = 0;
    let started = TIMESTAMP_START.is_match(t);
    let mut named = started || NUMERIC_DATE.is_match(t);
    // Words that are neither numbers nor date words, and whether one is lower-case.
    let (mut other, mut lower) = (0, false);
    for w in t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        total += 1;
        let lw = w.to_lowercase();
        let word = DATE_WORDS.contains(&lw.as_str());
        if !word && !w.bytes().any(|b| b.is_ascii_digit()) {
            other += 1;
            lower |= w.starts_with(|c: char| c.is_lowercase());
        }
        named |=
            word && lw.len() >= 3 && !matches!(lw.as_str(), "the" | "and" | "last" | "first" | "at" | "on");
        if w.bytes().all(|b| b.is_ascii_digit())
            || word
            || (w.bytes().any(|b| b.is_ascii_digit())
                && (lw.ends_with("th")
                    || lw.ends_with("st")
                    || lw.ends_with("nd")
                    || lw.ends_with("rd")
                    || lw.ends_with("am")
                    || lw.ends_with("pm")))
        {
            datey += 1;
        }
    }
    // Rule `sentence_not_stamp`: a short news sentence can be mostly date words ("Power
    // failed at 18:40 BST on Monday."); a stamp does not end in a full stop after words of
    // its own, one of them a common (lower-case) word, unless it opens as a stamp does.
    let sentence = !started && other >= 2 && lower && t.trim_end().ends_with('.');
    named && total > 0 && !sentence && (datey * 4 >= total * 3 || (started && datey * 2 >= total))
}

fn is_long_paragraph(l: &Line) -> bool {
    l.words >= 15 && sentence_end(&l.text)
}

fn parse_authors(byline: &str) -> Vec<String> {
    // An export's labelled byline ("BYLINE: name", `export_fields`).
    let relabelled;
    let byline = match export_field(byline) {
        Some((_, ExportField::Byline, names)) => {
            relabelled = format!("By {}", names.trim());
            relabelled.as_str()
        }
        _ => byline,
    };
    // A post signed as its comments are ("Posted by: name | date", `reader_thread`).
    let signed = || {
        let c = COMMENT_SIGNATURE
            .captures(byline)
            .filter(|c| c.get(0).is_some_and(|m| m.start() == 0))?;
        c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3))
    };
    let names = match self::byline(byline) {
        Some(c) => c.get(1),
        None => signed(),
    };
    let Some(names) = names else {
        return vec![];
    };
    names
        .as_str()
        .split([',', '&'])
        .flat_map(|p| p.split(" and "))
        .map(|p| p.trim().trim_end_matches('.').to_string())
        .filter(|p| {
            let n = p.split_whitespace().count();
            (1..=5).contains(&n) && p.chars().next().is_some_and(char::is_uppercase) && !newsroom_desk(p)
        })
        .collect()
}

/// The reporters and writers a wire's credits name (rule `wire_credit`): the names after
/// "Reporting by" and "Writing by" (not the editors, nor "additional reporting"), each up
/// to where it was filed ("in Oslo").
fn wire_reporters(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('(').trim_end_matches(['.', ')']);
    let mut out = Vec::new();
    for part in inner.split(';') {
        // ASCII lower case keeps every byte where it was, so `at` indexes `part` too.
        let lower = part.trim().to_ascii_lowercase();
        let Some(at) = lower.find(" by ") else {
            continue;
        };
        // "Additional reporting by" names helpers, not the story's writers.
        let what = &lower[..at];
        if !(what == "reporting" || what == "writing") {
            continue;
        }
        let names = &part.trim()[at + 4..];
        for name in names.split([',', '&']).flat_map(|n| n.split(" and ")) {
            let name = name.split(" in ").next().unwrap_or("").trim();
            let words: Vec<&str> = name.split_whitespace().collect();
            if (2..=4).contains(&words.len()) && words.iter().all(|w| w.starts_with(char::is_uppercase)) {
                out.push(name.to_string());
            }
        }
    }
    out
}

/// Rule `newsroom_desk`: a byline that names a desk or a post, not a person ("By Courts
/// Reporter", "By Staff Writer", "By Our Correspondents"): its last word is a newsroom
/// post (`NEWSROOM_ROLES`, one or more), "staff" or "desk".
fn newsroom_desk(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
    let one = last.strip_suffix('s').unwrap_or(&last);
    matches!(last.as_str(), "staff" | "desk") || NEWSROOM_ROLES.contains(&one)
}

/// Cleans one document. `known_title` is the title found elsewhere (HTML markup,
/// metadata): lines repeating it are dropped as headlines. The line rules run first
/// (`classify`, then the readers' thread), then the rules that read a line's
/// neighbours, in this order.
pub fn clean(text: &str, known_title: Option<&str>, mode: CleanMode) -> Cleaned {
    let mut out = Cleaned::default();
    let mut junk = Vec::new();
    let mut lines = split_lines(text, &mut junk);
    for l in lines.iter_mut() {
        if let Some(k) = classify(l, mode) {
            l.role = Role::Drop(k);
        }
    }
    let exported = export_fields(&mut lines);
    let first = first_paragraph(&lines);
    let masthead = head_source_date(&mut lines[..first]);
    word_count_head(&mut lines[..first]);
    let masthead = masthead.or(head_masthead(&mut lines[..first]));
    let masthead = masthead.or_else(|| {
        let (head, rest) = lines.split_at_mut(first);
        dateline_initials(head, rest.first().map_or("", |l| l.text.as_str()))
    });
    let signed = role_line(&mut lines[..first]);
    reader_thread(&mut lines);
    link_and_comment_regions(&mut lines);
    calls_to_the_reader(&mut lines);
    closing_bio(&mut lines);
    if mode == CleanMode::Scraped {
        tail_furniture(&mut lines);
    }
    let mut title_key = known_title.map(line_key).filter(|&k| k != 0);
    if let (Some(t), None) = (exported, title_key) {
        title_key = Some(line_key(&t)).filter(|&k| k != 0);
        out.title = Some(t);
    }
    if mode == CleanMode::Scraped && title_key.is_none() {
        if let Some(h) = headline_and_standfirst(&mut lines) {
            title_key = Some(h.key);
            out.title = Some(h.title);
            out.subtitle = h.subtitle;
        }
    }
    repeated_lines(&mut lines, title_key, mode);
    let title = known_title.map(str::to_string).or_else(|| out.title.clone());
    // Rule `byline_affiliation`: a byline's last name that is a source's ("By Ana Ruiz,
    // Tidewater Ledger", "…, Associated Press") is where the authors write, not an author.
    let (affiliations, authors): (Vec<String>, Vec<String>) = lines
        .iter()
        .filter(|l| l.role == Role::Drop(RemovedKind::Byline))
        .flat_map(|l| parse_authors(&l.text))
        .partition(|name| is_source_name(name));
    out.authors = authors;
    out.authors.extend(signed);
    if out.authors.is_empty() {
        out.authors = lines
            .iter()
            .filter(|l| l.role == Role::Drop(RemovedKind::Credit) && WIRE_CREDIT.is_match(&l.text))
            .flat_map(|l| wire_reporters(&l.text))
            .collect();
    }
    let masthead = masthead.or_else(|| affiliations.into_iter().next());
    out.outlet = outlet_tell_tale(&lines, title.as_deref()).or_else(|| {
        let name = outlets::outlet_name(masthead.as_deref()?, title.as_deref()).ok()?;
        Some((name, OutletSource::TellTale))
    });
    out.removed = junk;
    // The page's head: the lines above the first paragraph of the article.
    let body_at = lines
        .iter()
        .position(|l| l.role == Role::Body)
        .unwrap_or(lines.len());
    for (i, l) in lines.into_iter().enumerate() {
        let head = i < body_at;
        let kind = match l.role {
            Role::Body => {
                out.paragraphs.push(l.text);
                continue;
            }
            Role::Title => RemovedKind::Headline,
            Role::Subtitle => RemovedKind::Subtitle,
            Role::Drop(kind) => kind,
        };
        out.removed.push(Removed {
            kind,
            text: l.text,
            head,
        });
    }
    out
}

/// Where the article's first paragraph is: its first body line that is a long paragraph
/// or a sentence of ten words or more (the end of the lines when there is none).
fn first_paragraph(lines: &[Line]) -> usize {
    lines
        .iter()
        .position(|l| {
            l.role == Role::Body && (is_long_paragraph(l) || (l.words >= 10 && sentence_end(&l.text)))
        })
        .unwrap_or(lines.len())
}

/// Rule `head_source_date`: in the page's head (`head`: the lines above the article's
/// first paragraph), a line of a source's (or place's) name and a full date is the page's
/// stamp, not its standfirst or headline. The name is returned when it reads as a
/// source's — its last word a masthead's (`data/masthead-words.txt`: "Ledger", "Courier"),
/// not a place's.
fn head_source_date(head: &mut [Line]) -> Option<String> {
    let mut masthead = None;
    for l in head {
        let t = l.text.trim();
        // (A line that ends with a date reads as a photo's caption on its own.)
        let open = matches!(
            l.role,
            Role::Body | Role::Drop(RemovedKind::Timestamp | RemovedKind::Caption)
        );
        if open && l.words <= 12 && SOURCE_AND_DATE.is_match(t) {
            l.role = Role::Drop(RemovedKind::Timestamp);
            let name = t.split([',', '|', '–', '—']).next().unwrap_or("").trim();
            if masthead.is_none() && is_source_name(name) {
                masthead = Some(name.to_string());
            }
        }
    }
    masthead
}

/// Rule `head_masthead`: in the page's head (as for `head_source_date`), a line that is a
/// source's name alone ("HARBOURSIDE GAZETTE", "The Quillby Post"), or that name and the
/// section the page is filed under ("Riverton Post | Science", "The Vale Courier —
/// Obituaries", "Lowmere Herald > Local > Courts", "Quillby Post - Health"), is the
/// masthead: navigation, not the headline, and the page's source when no line named it
/// with a date. A section is at most three words; a name is a source's by
/// [`is_source_name`] (a masthead's last word, no first name before it).
fn head_masthead(head: &mut [Line]) -> Option<String> {
    let mut masthead = None;
    for l in head.iter_mut() {
        let open = matches!(l.role, Role::Body | Role::Drop(RemovedKind::Navigation));
        if !open || l.words > 9 || l.text.ends_with(['.', '!', '?']) {
            continue;
        }
        // A spaced hyphen parts a section off too ("Quillby Post - Health"); a hyphen
        // inside a word ("Anglo-Irish Times") does not.
        let text = l.text.replace(" - ", " | ");
        let mut parts = text.split(['|', '—', '–', '>', '»', '›', '/']);
        let name = parts.next().unwrap_or("").trim();
        let sections_ok = parts.all(|p| (1..=3).contains(&p.split_whitespace().count()));
        // A name: two to five words, each capitalised but for joining words (a headline
        // ending with a masthead's word, "Fire guts the old Quillby Post", is none).
        let words = name.split_whitespace().count();
        let capitalised = name
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase) || matches!(w, "of" | "the" | "and" | "&"));
        if (2..=5).contains(&words) && capitalised && sections_ok && is_source_name(name) {
            l.role = Role::Drop(RemovedKind::Navigation);
            masthead.get_or_insert_with(|| unshout(name));
        }
    }
    masthead
}

/// Rule `dateline_initials`: in the page's head (as for `head_source_date`), a line of two
/// to five capitalised words whose initials the first paragraph's dateline gives in
/// brackets ("Meadow Wire Service" above "OSLO, May 2 (MWS) -") is the wire's name: the
/// page's source, and no headline. The dateline opens with a place in capitals, and the
/// brackets come before its dash, within the paragraph's first 80 bytes.
fn dateline_initials(head: &mut [Line], first: &str) -> Option<String> {
    let mut cut = first.len().min(80);
    while !first.is_char_boundary(cut) {
        cut -= 1;
    }
    let lead = &first[..cut];
    let dash = [" - ", " \u{2013} ", " \u{2014} ", " -- "]
        .iter()
        .filter_map(|d| lead.find(d))
        .min()?;
    let open = lead[..dash].find('(')?;
    let close = open + lead[open..dash].find(')')?;
    let code = &lead[open + 1..close];
    // A dateline opens with a place in capitals ("OSLO", "NEW DELHI, May 2").
    let place = lead.split([' ', ',']).next().unwrap_or("");
    let dateline = place.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !place.chars().any(char::is_lowercase)
        && lead[..open].split_whitespace().count() <= 8;
    if !dateline || !(2..=5).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    for l in head.iter_mut() {
        let open = matches!(l.role, Role::Body | Role::Drop(RemovedKind::Navigation));
        let name = l.text.trim();
        let words: Vec<&str> = name
            .split_whitespace()
            .filter(|w| !matches!(*w, "of" | "the" | "and" | "&"))
            .collect();
        let capitalised = words.iter().all(|w| w.starts_with(|c: char| c.is_uppercase()));
        let initials: String = words.iter().filter_map(|w| w.chars().next()).collect();
        if open && (2..=5).contains(&words.len()) && capitalised && initials == code {
            l.role = Role::Drop(RemovedKind::Navigation);
            return Some(unshout(name));
        }
    }
    None
}

/// Rule `role_line`: in the page's head (as for `head_source_date`), a name on a line of
/// its own and the author's newsroom post on the next ("Ana Ruiz" / "Legal affairs
/// reporter") are a byline set out in two lines: both are the byline, and the name is an
/// author. The post is at most six words, the last a newsroom post (`NEWSROOM_ROLES`); the
/// name two to four capitalised words, no source's name. Returns the authors.
fn role_line(head: &mut [Line]) -> Vec<String> {
    let post = |t: &str| {
        let words: Vec<&str> = t.split_whitespace().collect();
        let last = words.last().map(|w| w.to_ascii_lowercase()).unwrap_or_default();
        let one = last.strip_suffix('s').unwrap_or(&last);
        (1..=6).contains(&words.len())
            && NEWSROOM_ROLES.contains(&one)
            && words
                .iter()
                .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '&'))
    };
    let name = |t: &str| {
        let words: Vec<&str> = t.split_whitespace().collect();
        (2..=4).contains(&words.len())
            && words.iter().all(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || "'’.-".contains(c))
            })
            && !is_source_name(t)
    };
    let mut authors = Vec::new();
    for i in 1..head.len() {
        let (before, rest) = head.split_at_mut(i);
        let (prev, l) = (&mut before[i - 1], &mut rest[0]);
        if l.role == Role::Body && prev.role == Role::Body && post(l.text.trim()) && name(prev.text.trim()) {
            l.role = Role::Drop(RemovedKind::Byline);
            prev.role = Role::Drop(RemovedKind::Byline);
            authors.push(prev.text.trim().to_string());
        }
    }
    authors
}

/// A name set in capitals ("THE QUILLBY POST") as it is written in text ("The Quillby
/// Post"); a word of three letters or fewer stays in capitals (an initialism), but for
/// "the", "of", "and"; a name with a small letter is left as it is.
fn unshout(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    let words: Vec<String> = name
        .split_whitespace()
        .enumerate()
        .map(|(i, w)| match w {
            "THE" | "OF" | "AND" if i > 0 => w.to_lowercase(),
            _ if w.chars().count() <= 3 && w != "THE" => w.to_string(),
            _ => crate::entities::title_case(w),
        })
        .collect();
    words.join(" ")
}

lazy_re!(WORD_COUNT, r"(?i)^\d[\d,.]*\s+words\.?$");

/// Rule `word_count_head`: a line of the page's head (`head`, as for `head_source_date`)
/// that gives the article's length in words ("612 words") is an export's or an archive's
/// header, and the short lines after it up to the first paragraph (the source's name, its
/// code, the language) are that header's fields, not article text.
fn word_count_head(head: &mut [Line]) {
    let Some(at) = head
        .iter()
        .position(|l| l.role == Role::Body && WORD_COUNT.is_match(l.text.trim()))
    else {
        return;
    };
    head[at].role = Role::Drop(RemovedKind::Counter);
    for l in &mut head[at + 1..] {
        if l.role == Role::Body && l.words <= 4 && !sentence_end(&l.text) && !has_quote(&l.text) {
            l.role = Role::Drop(RemovedKind::Other);
        }
    }
}

/// What a labelled field of a news database's export is (`data/export-labels.tsv`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum ExportField {
    Headline,
    Byline,
    Timestamp,
    /// "BODY:": the article's text follows.
    Body,
    Other,
}

static EXPORT_LABELS: LazyLock<Vec<(&'static str, ExportField)>> = LazyLock::new(|| {
    include_str!("data/export-labels.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (label, kind) = l.split_once('\t')?;
            let kind = match kind.trim() {
                "headline" => ExportField::Headline,
                "byline" => ExportField::Byline,
                "timestamp" => ExportField::Timestamp,
                "body" => ExportField::Body,
                _ => ExportField::Other,
            };
            Some((label.trim(), kind))
        })
        .collect()
});

lazy_re!(EXPORT_LABEL, r"^([A-Z][A-Z-]{1,24}):\s*(.*)$");

/// The field a line of an export labels: its label, its kind and the text after it.
/// (Every line of every page is asked: a line that does not open with a capital and hold
/// a colon within a label's length is passed by before the pattern runs.)
fn export_field(t: &str) -> Option<(&str, ExportField, &str)> {
    let b = t.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_uppercase) || !b[..b.len().min(27)].contains(&b':') {
        return None;
    }
    let c = EXPORT_LABEL.captures(t)?;
    let label = c.get(1)?.as_str();
    let field = EXPORT_LABELS.iter().find(|(l, _)| *l == label)?.1;
    Some((label, field, c.get(2)?.as_str()))
}

/// Rule `export_fields`: a news database's export writes its fields one a line under
/// capital labels ("HEADLINE: …", "BYLINE: …", "LENGTH: 612 words", "BODY:"). With two
/// different labels of the table in a text, each such line is its field: the headline's
/// text is the title (returned), the byline a byline, the rest not article text, and
/// with a "BODY:" label the unlabelled lines above it are the export's furniture (the
/// source's name, an edition). One label alone ("SECTION: …" in a report) decides nothing.
fn export_fields(lines: &mut [Line]) -> Option<String> {
    let mut labels: Vec<&str> = Vec::new();
    let fields: Vec<Option<(ExportField, String)>> = lines
        .iter()
        .map(|l| {
            let (label, f, v) = export_field(&l.text)?;
            if !labels.contains(&label) {
                labels.push(label);
            }
            Some((f, v.trim().to_string()))
        })
        .collect();
    if labels.len() < 2 {
        return None;
    }
    let mut title = None;
    let mut above_body = fields.iter().flatten().any(|(f, _)| *f == ExportField::Body);
    for (l, field) in lines.iter_mut().zip(fields) {
        let Some((field, value)) = field else {
            if above_body && l.role == Role::Body {
                l.role = Role::Drop(RemovedKind::Other);
            }
            continue;
        };
        above_body &= field != ExportField::Body;
        l.role = match field {
            ExportField::Headline if title.is_none() && !value.is_empty() => {
                title = Some(value);
                Role::Title
            }
            ExportField::Byline => Role::Drop(RemovedKind::Byline),
            ExportField::Timestamp => Role::Drop(RemovedKind::Timestamp),
            _ => Role::Drop(RemovedKind::Other),
        };
    }
    title
}

/// Whether a name is a source's: a known outlet, or a name whose last word is a
/// masthead's ("Tidewater Ledger", "Associated Press") and that is no person's ("Emily
/// Post" writes).
fn is_source_name(name: &str) -> bool {
    use crate::entities::lexicon::{self, word_set};
    let last = lexicon::lower(name.rsplit(' ').next().unwrap_or(""));
    let words: Vec<&str> = name.split_whitespace().collect();
    // A first name, then the masthead's word or a second given name ("Mary Ann Post"); a
    // first name before a common word names a place or a brand ("Marlow Sports Daily").
    let person = words.len() >= 2
        && lexicon::is_first_name(words[0])
        && (words.len() == 2 || lexicon::is_first_name(words[1]));
    let masthead = word_set!(include_str!("data/masthead-words.txt")).contains(last.as_ref());
    outlets::canonical_name(name).is_some() || masthead && !person
}

/// Regions: after a related-links header, link titles until a real paragraph; after a
/// comment header in the second half of the page, the rest of the page.
fn link_and_comment_regions(lines: &mut [Line]) {
    let n = lines.len();
    let mut i = 0;
    while i < n {
        match lines[i].role {
            Role::Drop(RemovedKind::RelatedLinks) if RELATED_HEADER.is_match(&lines[i].text) => {
                let mut j = i + 1;
                while j < n
                    && !(matches!(lines[j].role, Role::Body) && is_long_paragraph(&lines[j]))
                    && matches!(lines[j].role, Role::Body | Role::Drop(RemovedKind::RelatedLinks))
                {
                    if matches!(lines[j].role, Role::Body) {
                        lines[j].role = Role::Drop(RemovedKind::RelatedLinks);
                    }
                    j += 1;
                }
                i = j;
            }
            Role::Drop(RemovedKind::CommentPolicy) if lines[i].words <= 8 && i * 2 >= n => {
                for l in &mut lines[i + 1..] {
                    if matches!(l.role, Role::Body) {
                        l.role = Role::Drop(RemovedKind::CommentPolicy);
                    }
                }
                return;
            }
            _ => i += 1,
        }
    }
}

/// Calls to the reader ("Got a story? Write to us:") between two pieces of boilerplate
/// are boilerplate of the first one's kind.
fn calls_to_the_reader(lines: &mut [Line]) {
    for i in 1..lines.len().saturating_sub(1) {
        let t = lines[i].text.trim_end();
        if lines[i].role == Role::Body
            && lines[i].words <= 12
            && t.ends_with([':', '?', '!'])
            && !has_quote(t)
        {
            if let (Role::Drop(k), Role::Drop(_)) = (lines[i - 1].role, lines[i + 1].role) {
                lines[i].role = Role::Drop(k);
            }
        }
    }
}

/// An author's bio among the last four lines is a byline.
fn closing_bio(lines: &mut [Line]) {
    for l in lines.iter_mut().rev().take(4) {
        if l.role == Role::Body && l.words <= 60 && author_bio(&l.text) {
            l.role = Role::Drop(RemovedKind::Byline);
        }
    }
}

/// The tail of scraped text: after the last sentence-like paragraph, once boilerplate
/// has begun, short non-sentences are page furniture (app names, section links).
fn tail_furniture(lines: &mut [Line]) {
    let furniture = |l: &Line| l.words <= 10 && !sentence_end(&l.text) && !has_quote(&l.text);
    let tail_start = lines
        .iter()
        .rposition(|l| l.role == Role::Body && !furniture(l))
        .map_or(0, |i| i + 1);
    if lines[tail_start..]
        .iter()
        .any(|l| matches!(l.role, Role::Drop(_)))
    {
        for l in &mut lines[tail_start..] {
            if l.role == Role::Body {
                l.role = Role::Drop(RemovedKind::Navigation);
            }
        }
    }
}

/// The headline scraped text opens with, and the standfirst under it.
struct Heading {
    title: String,
    key: u64,
    subtitle: Option<String>,
}

/// Title and subtitle of scraped text with no title from elsewhere: the first
/// headline-like line (short menu items before it are navigation), then a headline-like
/// line or a teaser that the body repeats, when text follows it.
fn headline_and_standfirst(lines: &mut [Line]) -> Option<Heading> {
    let n = lines.len();
    let fi = lines.iter().position(|l| l.role == Role::Body)?;
    let ti = (fi..n.min(fi + 4))
        .take_while(|&k| lines[k].role != Role::Body || lines[k].words <= 3 || headline_like(&lines[k]))
        .find(|&k| lines[k].role == Role::Body && lines[k].words >= 4 && headline_like(&lines[k]))
        .or_else(|| headline_like(&lines[fi]).then_some(fi))?;
    for l in &mut lines[fi..ti] {
        if l.role == Role::Body && l.words <= 3 {
            l.role = Role::Drop(RemovedKind::Navigation);
        }
    }
    lines[ti].role = Role::Title;
    let key = lines[ti].key;
    let mut heading = Heading {
        title: lines[ti].text.clone(),
        key,
        subtitle: None,
    };
    // Subtitle: the next body line before the text proper.
    let Some(si) = (ti + 1..n).find(|&k| lines[k].role == Role::Body && lines[k].key != key) else {
        return Some(heading);
    };
    let s = &lines[si];
    let repeated = lines.iter().filter(|l| l.key == s.key).nth(1).is_some();
    let heading_like = s.words <= 40 && !sentence_end(&s.text) && !s.text.starts_with(QUOTES);
    let next_is_text = (si + 1..n).any(|k| lines[k].role == Role::Body);
    if (repeated || heading_like) && next_is_text {
        lines[si].role = Role::Subtitle;
        heading.subtitle = Some(lines[si].text.clone());
    }
    Some(heading)
}

/// Repeated lines: a repeated headline goes; a teaser repeated in the body keeps its body
/// copy; any other repeated line keeps its first copy. Repeated short lines are kept
/// (list items and table cells repeat); extracted HTML keeps its structure, so only whole
/// repeated paragraphs are dropped there. A line with no words is dropped.
fn repeated_lines(lines: &mut [Line], title_key: Option<u64>, mode: CleanMode) {
    let min_dup_words = if mode == CleanMode::Scraped { 6 } else { 15 };
    let subtitle_key = lines.iter().find(|l| l.role == Role::Subtitle).map(|l| l.key);
    let mut seen: std::collections::HashSet<u64, KeyHash> = Default::default();
    for l in lines.iter_mut() {
        let key = l.key;
        if key == 0 {
            if l.role == Role::Body {
                l.role = Role::Drop(RemovedKind::Other);
            }
            continue;
        }
        if l.role == Role::Body {
            if Some(key) == title_key {
                l.role = Role::Drop(RemovedKind::Headline);
            } else if seen.contains(&key)
                && Some(key) != subtitle_key
                && l.words >= min_dup_words
                && (mode == CleanMode::Scraped || ends_with_terminal(&l.text))
            {
                l.role = Role::Drop(RemovedKind::DuplicateLine);
            }
        }
        if !matches!(l.role, Role::Drop(_)) {
            seen.insert(key);
        }
    }
}

// Rule `copyright_owner`: the page's copyright notice names who published it — "© 2031
// Harbour Gazette. All rights reserved.", "Content Copyright 2031 Harbour Gazette Network,
// Inc." — written with the sign, or with the word and a year (a sentence about copyright
// law has neither). The name runs over capitalised words (and "of", "and", "&") up to a
// comma, a full stop or the end. A notice "by" a person is an author's (a book excerpt's
// "Copyright © 2031 by Ana Ruiz"), not the page's.
lazy_re!(
    COPYRIGHT_OWNER,
    r"(?:^|\s)(?:(?:©|\([Cc]\))\s*(?:(?:[Cc]opyright|COPYRIGHT)\s*)?(?:\d{4}(?:\s*[-–]\s*\d{2,4})?\s*,?\s*)?|(?:[Cc]opyright|COPYRIGHT)\s*(?:©\s*)?\d{4}(?:\s*[-–]\s*\d{2,4})?\s*,?\s*)(?:[Tt]he\s+)?(\p{Lu}[\p{L}'’&-]*(?:\s+(?:\p{Lu}[\p{L}'’&-]*|of|and|&)){0,5})"
);

/// The owner named by the last copyright notice on the page ([`COPYRIGHT_OWNER`]), on a
/// line of at most 25 words that is not a photo's caption, a byline or a reader's comment;
/// a line read as a picture's credit only when it reserves rights or says "copyright" (a
/// picture's "© Agency" names the photographer's agency, not the page's publisher).
fn copyright_owner(lines: &[Line], title: Option<&str>) -> Option<(String, OutletSource)> {
    let notice = |t: &str| {
        let t = t.to_lowercase();
        t.contains("rights reserved") || t.contains("copyright")
    };
    lines
        .iter()
        .rev()
        .filter(|l| {
            l.words <= 25
                && match l.role {
                    Role::Drop(RemovedKind::Caption | RemovedKind::Byline | RemovedKind::ReaderComment) => {
                        false
                    }
                    Role::Drop(RemovedKind::Credit) => notice(&l.text),
                    _ => true,
                }
        })
        .filter_map(|l| COPYRIGHT_OWNER.captures(&l.text))
        .filter_map(|c| {
            // A company's form, and the "All" of "All rights reserved" (the rest of that
            // phrase `outlet_name` strips with the notice's other words).
            let name = c[1].trim_end_matches(['.', ',']);
            let name = [" Inc", " Ltd", " LLC", " Limited", " All"]
                .iter()
                .find_map(|form| name.strip_suffix(form))
                .unwrap_or(name);
            outlets::outlet_name(name, title).ok()
        })
        .next()
        .map(|name| (name, OutletSource::TellTale))
}

/// Tell-tales for the outlet among the removed lines, strongest first: an agency's source
/// line, a mirror's notice, then rule `mail-outlet` — an e-mail address names the outlet
/// only when its domain is a known outlet's host (a newsroom's contact address), and only
/// if it is the one such outlet there; any other domain (a web mail provider, a
/// consultancy, a reader's) never does —, then the page's copyright notice
/// (`copyright_owner`), then the agency code of the first paragraph's dateline.
fn outlet_tell_tale(lines: &[Line], title: Option<&str>) -> Option<(String, OutletSource)> {
    let mut outlet: Option<(String, OutletSource)> = None;
    let mut mailed: Vec<&'static str> = Vec::new();
    for l in lines {
        let t = l.text.as_str();
        match l.role {
            Role::Drop(RemovedKind::SourceLine) => {
                if let Some(name) = AND_AGENCIES
                    .captures(t)
                    .and_then(|c| outlets::outlet_name(&c[1], title).ok())
                {
                    outlet = Some((name, OutletSource::TellTale));
                }
            }
            Role::Drop(RemovedKind::MirrorNotice) if outlet.is_none() => {
                if let Some(name) = MIRROR_OWNER
                    .captures(t)
                    .and_then(|c| outlets::outlet_name(&c[1], title).ok())
                {
                    outlet = Some((name, OutletSource::TellTale));
                }
            }
            // A byline's address is its author's, not the newsroom's.
            Role::Drop(RemovedKind::Byline) => {}
            Role::Drop(_) if t.contains('@') => {
                for c in EMAIL.captures_iter(t) {
                    if let Some(known) = outlets::known_host(&c[1]) {
                        if !mailed.contains(&known) {
                            mailed.push(known);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    if let (None, [only]) = (&outlet, mailed.as_slice()) {
        outlet = Some((only.to_string(), OutletSource::TellTale));
    }
    outlet.or_else(|| copyright_owner(lines, title)).or_else(|| {
        let first = lines.iter().find(|l| l.role == Role::Body)?;
        let code = dateline_code(&first.text)?;
        // Rule `dateline_wire_name`: a wire that writes its name out in the dateline
        // ("HOLMVIK (Baltic Wire) –") names itself; a code must be a known agency's.
        let name = match outlets::by_code(code) {
            Some(known) => known.to_string(),
            None if code.contains(' ') && code.split(' ').count() <= 4 => {
                outlets::outlet_name(code, title).ok()?
            }
            None => return None,
        };
        Some((name, OutletSource::Dateline))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_sentence_of_date_words_is_no_stamp() {
        // Rule `sentence_not_stamp`; the stamps are still stamps.
        for stamp in [
            "Updated Nov 19, 9:41 AM ET",
            "Published: Monday 5 March 2018 14:30 GMT",
            "Friday 5 March 2021 10.02 GMT",
            "22 de outubro de 2010 às 20:13",
            "Last updated on 5 March 2019.",
            "Posted at 10:00 on Monday.",
            "Publicado el 5 de marzo de 2019 a las 10:00.",
        ] {
            assert!(timestamp_like(stamp, stamp.split_whitespace().count()), "{stamp}");
        }
        for sentence in [
            "Power failed at 18:40 BST on Monday.",
            "Trading opens at 09:00 GMT on Monday.",
        ] {
            assert!(
                !timestamp_like(sentence, sentence.split_whitespace().count()),
                "{sentence}"
            );
        }
        // A one-line article of such a sentence is an article, not an empty page.
        let c = clean("Power failed at 18:40 BST on Monday.\n", None, CleanMode::Scraped);
        let kept = [c.title.as_deref(), c.paragraphs.first().map(String::as_str)];
        assert!(
            kept.contains(&Some("Power failed at 18:40 BST on Monday.")),
            "{c:?}"
        );
    }

    fn outlet_of(contact: &str) -> Option<(String, OutletSource)> {
        let text = format!(
            "Quillby ferry fares to rise in spring\n\
             The Quillby ferry board voted on Tuesday to raise fares by a tenth from March, \
             citing the cost of fuel and of the new pier at Marrow Point.\n\
             Skippers said the rise would hit island families hardest in the winter months.\n\
             {contact}\n"
        );
        clean(&text, None, CleanMode::Scraped).outlet
    }

    #[test]
    fn one_export_label_alone_is_report_text() {
        // Rule `export_fields` needs two labels of its table; a report may open a line
        // with one ("SECTION: …" quoted from a bill), and "NOTE:" is no export field.
        let text = "Council adopts harbour bylaw\n\nSECTION: Moorings may be let for one season at a time, the new bylaw says in full.\n\nNOTE: The council will review the bylaw after two seasons of use by the boat owners.\n";
        let c = clean(text, None, CleanMode::Scraped);
        assert_eq!(c.paragraphs.len(), 2, "{:?}", c.paragraphs);
        let with_two = text.replace("NOTE:", "LENGTH:");
        let c = clean(&with_two, None, CleanMode::Scraped);
        assert!(c.paragraphs.is_empty(), "{:?}", c.paragraphs);
    }

    #[test]
    fn a_mail_domain_names_the_outlet_only_when_it_is_a_known_outlets() {
        // Rule `mail-outlet`: a web mail or consultancy domain is nobody's outlet.
        assert_eq!(outlet_of("Email: ferrytips@mailbox.example"), None);
        assert_eq!(outlet_of("Contact us at info@quillby-consulting.example"), None);
        // A newsroom's own address names its known outlet, by name, not by domain.
        assert_eq!(
            outlet_of("Email: desk@presstv.ir"),
            Some(("Press TV".to_string(), OutletSource::TellTale))
        );
        // Two known outlets' addresses: which one is ours is unknown.
        assert_eq!(outlet_of("Email: desk@presstv.ir or news@trtworld.com"), None);
    }

    #[test]
    fn a_dateline_names_its_wire() {
        // Rule `dateline_wire_name`, and a short date between the place and the wire.
        let wire = |dateline: &str| {
            let text = format!(
                "Ferry crews strike for a second week\n\
                 {dateline} Crews on the Holmvik ferries stayed ashore on Wednesday after talks \
                 with the operator ended without a deal.\n\
                 The union wants a raise over two years; the operator has offered less.\n"
            );
            clean(&text, None, CleanMode::Scraped).outlet
        };
        let dated = |name: &str| Some((name.to_string(), OutletSource::Dateline));
        assert_eq!(wire("HOLMVIK, Oct. 14 (Nordic Wire) -"), dated("Nordic Wire"));
        assert_eq!(wire("HOLMVIK (Nordic Wire) –"), dated("Nordic Wire"));
        assert_eq!(wire("HOLMVIK, May 3 (AFP) –"), dated("Agence France-Presse"));
        // An unknown code names no one; nor does a bracket that is no dateline's.
        assert_eq!(wire("HOLMVIK (NWX) –"), None);
        assert_eq!(wire("Crews (Nordic Wire) said -"), None);
    }

    #[test]
    fn a_copyright_notice_names_the_outlet() {
        // Rule `copyright_owner`.
        let named = |line: &str| outlet_of(line).map(|(name, _)| name);
        assert_eq!(
            named("© 2031 Quillby Tidings. All rights reserved."),
            Some("Quillby Tidings".to_string())
        );
        assert_eq!(
            named("Content and layout Copyright 2031 Marrow Point Radio Network, Inc."),
            Some("Marrow Point Radio Network".to_string())
        );
        assert_eq!(
            named("(c) The Quillby Tidings Ltd"),
            Some("Quillby Tidings".to_string())
        );
        assert_eq!(
            named("© Quillby Tidings All Rights Reserved"),
            Some("Quillby Tidings".to_string())
        );
        // An author's notice on an excerpt names the author.
        assert_eq!(named("Copyright © 2031 by Ana Ruiz. Reprinted with leave."), None);
        // A picture's credit names its agency, not the page's publisher.
        assert_eq!(named("Photo: © Tern Pictures"), None);
        // Neither the sign nor a year: a sentence about copyright names nobody.
        assert_eq!(named("Skippers said Copyright Office rules did not apply."), None);
    }

    #[test]
    fn unbounded_patterns_keep_the_bounds_of_the_counted_ones() {
        // The counted forms, as they were written before the bounds moved into code.
        let bounded_byline = re(
            r"^(?:[Bb][Yy]|Written by|Words by|Reporting by|Von|Par|Por|Di)\s+(\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|al|bin|el|da|di|and|&|,)|,){0,12}?)\s*(?:[-–—|/]\s*.{0,60})?$",
        );
        let bounded_bio = re(
            r"^\p{Lu}[\p{L}'’.-]+( \p{Lu}[\p{L}'’.-]+){0,3} (is|was) an? ([\p{L}-]+ ){0,4}(writer|reporter|journalist|editor|correspondent|columnist|contributor|freelancer|producer|author|blogger|photographer)\b",
        );
        let bounded_dateline = re(r"^\p{Lu}[\p{Lu}\p{Lu} .,'-]{1,40}\s*\(([A-Za-z/]{2,12})\)\s*[-–—:]");
        let names = [
            "Ann", "Bo", "Cy", "Dee", "Eli", "Fay", "Gus", "Hal", "Ida", "Jo", "Kit", "Lu", "Mo", "Ned",
        ];
        let mut bylines = Vec::new();
        for n in 1..=names.len() {
            let list = names[..n].join(" ");
            bylines.push(format!("By {list}"));
            bylines.push(format!("By {}", names[..n].join(", ")));
            bylines.push(format!("By {}", names[..n].join(" ,\u{a0}")));
            for tail in [58, 59, 60, 61, 62] {
                bylines.push(format!("By {list} - {}", "w".repeat(tail)));
                bylines.push(format!("Written by {list} |{}", "é".repeat(tail)));
            }
        }
        bylines.push("By Ann Lee-Smith and Bo Day - Tessel Courier wire desk".into());
        bylines.push("By the harbour, said Ann".into());
        for b in &bylines {
            assert_eq!(byline(b).is_some(), bounded_byline.is_match(b), "{b:?}");
            if let (Some(new), Some(old)) = (byline(b), bounded_byline.captures(b)) {
                assert_eq!(&new[1], &old[1], "{b:?}");
            }
        }
        let mut bios = Vec::new();
        for extra in 0..=5 {
            for words in 0..=6 {
                let who = std::iter::once("Ann")
                    .chain(names[1..=extra].iter().copied())
                    .collect::<Vec<_>>()
                    .join(" ");
                let what = "very keen local ".repeat(2)[..]
                    .split(' ')
                    .take(words)
                    .collect::<Vec<_>>()
                    .join(" ");
                let what = if what.is_empty() { what } else { format!("{what} ") };
                bios.push(format!("{who} is a {what}writer for the Tessel Courier."));
            }
        }
        for b in &bios {
            assert_eq!(author_bio(b), bounded_bio.is_match(b), "{b:?}");
        }
        for place in 35..=44 {
            for spaces in [0, 1, 3] {
                let d = format!(
                    "Q{}{} (NWA) – The ferry ran late.",
                    &"UILLBY ".repeat(7)[..place],
                    " ".repeat(spaces)
                );
                let old = bounded_dateline
                    .captures(&d)
                    .map(|c| c.get(1).unwrap().as_str().to_string());
                assert_eq!(dateline_code(&d).map(str::to_string), old, "{d:?}");
            }
        }
    }

    fn kinds(c: &Cleaned, kind: RemovedKind) -> Vec<&str> {
        c.removed
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| r.text.as_str())
            .collect()
    }

    #[test]
    fn leaked_markup_and_glued_credits() {
        let text = "Harbour talks stall\n\nNegotiators left on Monday, officials said.\n\n\
                    [button link=\"x\" type=\"big\"] Send us your story[/button]\n\n\
                    &lt;span data-mce-type=\"bookmark\"&gt;\n\n\
                    Workers clear the bridge on Sunday. Jo Roe/Getty Images\n\n\
                    \"We get our shot [again],\" she said. \"It was [sic] a long day.\"";
        let c = clean(text, None, CleanMode::Extracted);
        assert_eq!(kinds(&c, RemovedKind::MediaJunk).len(), 2, "{:?}", c.removed);
        assert_eq!(kinds(&c, RemovedKind::Caption).len(), 1);
        assert!(
            c.paragraphs.iter().any(|p| p.contains("[again]")),
            "editorial brackets stay"
        );
    }

    #[test]
    fn news_lines_that_share_words_with_site_furniture_stay() {
        let text = "Ferry app launched\n\nThe app recorded two million downloads in its first week.\n\n\
                    Hundreds of dockers join the march on Sunday.\n\n\
                    Forecasters issued a frost alert for the valley.\n\n\
                    The bakery sold its last cookies before noon.\n\n\
                    The carrier's subscriber base grew by 3 million last year.\n\n\
                    Download the app\n\n\
                    Become a subscriber today\n\n\
                    Subscriptions\n\n\
                    Turn on notifications for the latest updates.\n\n\
                    We use cookies to understand how the site is read.\n\n\
                    Log in";
        let c = clean(text, None, CleanMode::Scraped);
        for kept in [
            "The app recorded",
            "dockers join the",
            "frost alert for",
            "last cookies",
            "subscriber base grew",
        ] {
            assert!(
                c.paragraphs.iter().any(|p| p.contains(kept)),
                "{kept:?} lost: {:?}",
                c.removed
            );
        }
        assert_eq!(kinds(&c, RemovedKind::Subscription).len(), 6, "{:?}", c.removed);
    }

    #[test]
    fn leading_photo_credit() {
        let (credits, rest) = strip_leading_credits(
            "(Wire Photo/Ana Ruiz, Pool) (Ana Ruiz - AP) Ministers left the summit early on Friday.",
        )
        .unwrap();
        assert_eq!(credits, "(Wire Photo/Ana Ruiz, Pool) (Ana Ruiz - AP)");
        assert_eq!(rest, "Ministers left the summit early on Friday.");
        // An escaped slash, as some scrapes keep it.
        let (credits, _) = strip_leading_credits(r"(Wire Photo\/Ana Ruiz) Ministers left.").unwrap();
        assert_eq!(credits, r"(Wire Photo\/Ana Ruiz)");
        let (credits, _) =
            strip_leading_credits("(Photos By Lena Ott -- The Harbour Star) Crowds lined the quay.").unwrap();
        assert_eq!(credits, "(Photos By Lena Ott -- The Harbour Star)");
        // A credit alone on its line, a bracket that is text, a credit inside the line.
        assert!(strip_leading_credits("(Wire Photo/Ana Ruiz)").is_none());
        assert!(strip_leading_credits("(Updated) Ministers left early.").is_none());
        assert!(strip_leading_credits("(Ana Ruiz - Eastport) Ministers left early.").is_none());
        assert!(strip_leading_credits("Ministers left early (Wire Photo/Ana Ruiz).").is_none());
    }

    #[test]
    fn media_junk_is_cut_from_the_first_word() {
        let (junk, rest) = strip_media_junk("pngVideo-640x360Rebels said on Monday").unwrap();
        assert_eq!(junk, "pngVideo-640x360");
        assert_eq!(rest, "Rebels said on Monday");
        let (junk, _) = strip_media_junk("imgPhoto-1024x576The dispute").unwrap();
        assert_eq!(junk, "imgPhoto-1024x576");
        assert!(strip_media_junk("Jpeg files are images").is_none());
    }

    #[test]
    fn lead_paragraph_first_line_is_not_a_title() {
        let c = clean(
            "The council voted on Monday to extend the mandate of the mission for another year.\nIt was the third vote.",
            None,
            CleanMode::Scraped,
        );
        assert_eq!(c.title, None);
        assert_eq!(c.paragraphs.len(), 2);
    }

    #[test]
    fn byline_becomes_authors() {
        let c = clean(
            "Harbour talks stall\n\nBy Jane Roe and Ali Veli\n\nNegotiators left the harbour city on Monday without an agreement, officials said.",
            None,
            CleanMode::Scraped,
        );
        assert_eq!(c.title.as_deref(), Some("Harbour talks stall"));
        assert_eq!(c.authors, vec!["Jane Roe", "Ali Veli"]);
        assert_eq!(c.paragraphs.len(), 1);
        // A byline with the page's stamp after a comma is still a byline.
        let c = clean(
            "Harbour talks stall\n\nBy Jane Roe, Published 14.05.2031\n\nNegotiators left the harbour city on Monday without an agreement, officials said.",
            None,
            CleanMode::Scraped,
        );
        assert_eq!(c.title.as_deref(), Some("Harbour talks stall"));
        assert_eq!(c.authors, vec!["Jane Roe"]);
    }

    /// A page cleaned as scraped text.
    fn scraped(page: &str) -> Cleaned {
        clean(page, None, CleanMode::Scraped)
    }

    #[test]
    fn a_byline_set_out_with_bars_or_a_role_is_a_byline() {
        let body = "Negotiators left the harbour city on Monday without an agreement, officials said.";
        // Rule `menu_bar` would take the first for a row of sections.
        for (line, who) in [
            ("By Jane Roe | 9 May 2031 | 4 min read", "Jane Roe"),
            ("By Jane Roe, harbour editor \u{2022} 9 May 2031", "Jane Roe"),
        ] {
            let c = scraped(&format!("Harbour talks stall\n\n{line}\n\n{body}"));
            assert_eq!(c.authors, vec![who], "{line}");
            assert_eq!(kinds(&c, RemovedKind::Byline), vec![line]);
        }
        // Rule `newsroom_desk`: a desk is no author, written in capitals or not; the date
        // after its bar still dates the page.
        let c = scraped(&format!("Harbour talks stall\n\nBy Courts Reporter\n\n{body}"));
        assert!(c.authors.is_empty());
        let line = "By staff reporters | 9 May 2031 | 4 min read";
        let c = scraped(&format!("Harbour talks stall\n\n{line}\n\n{body}"));
        assert!(c.authors.is_empty());
        assert_eq!(kinds(&c, RemovedKind::Byline), vec![line]);
        // "By" opening a sentence with a role-like word is no byline.
        let c = scraped(&format!(
            "Harbour talks stall\n\n{body}\n\nBy Friday, most of the harbour editor's staff had left."
        ));
        assert!(kinds(&c, RemovedKind::Byline).is_empty());
    }

    #[test]
    fn a_masthead_line_names_the_source_and_is_no_headline() {
        // Rule `head_masthead`, with the section after the name and in capitals.
        let body = "Negotiators left the harbour city on Monday without an agreement, officials said.";
        for (head, outlet) in [
            ("The Quillby Courier \u{2014} Obituaries", "The Quillby Courier"),
            ("QUILLBY EVENING POST", "Quillby Evening Post"),
            ("Quillby Post | Harbour", "Quillby Post"),
            ("Marlow Sports Daily", "Marlow Sports Daily"),
            ("Quillby Post - Health", "Quillby Post"),
        ] {
            let c = scraped(&format!("{head}\n\nHarbour talks stall\n\n{body}"));
            assert_eq!(c.title.as_deref(), Some("Harbour talks stall"), "{head}");
            assert_eq!(c.outlet.as_ref().map(|o| o.0.as_str()), Some(outlet), "{head}");
        }
        // A headline that ends with a masthead's word is still the headline.
        let c = scraped(&format!("Fire guts the old Quillby Post\n\n{body}"));
        assert_eq!(c.title.as_deref(), Some("Fire guts the old Quillby Post"));
    }

    /// A page of a headline, one paragraph and `tail` below it.
    fn with_tail(tail: &str) -> Cleaned {
        let body = "Negotiators left the harbour city on Monday without an agreement, officials said.";
        scraped(&format!("Harbour talks stall\n\n{body}\n\n{tail}"))
    }

    #[test]
    fn share_lines_with_their_networks_after_a_colon_are_furniture() {
        for line in [
            "Share this article: Facebook | X | Email",
            "Share: Twitter, Email",
            "Share on X",
        ] {
            assert_eq!(kinds(&with_tail(line), RemovedKind::Share), vec![line], "{line}");
        }
        // A sentence about sharing is news.
        assert!(kinds(&with_tail("Share prices: fell by a third."), RemovedKind::Share).is_empty());
    }

    #[test]
    fn a_wires_credits_are_no_text_and_name_its_reporters() {
        // Rule `wire_credit`.
        let c = with_tail("(Reporting by Ana Ruiz in Oslo and Jo Berg; Additional reporting by Li Wen; Editing by Tom Fell)");
        assert_eq!(c.paragraphs.len(), 1);
        assert_eq!(c.authors, vec!["Ana Ruiz", "Jo Berg"]);
        // A letter whose lower case is longer ("İ") moves no offset.
        let c = with_tail("(Reporting by Ana Ruiz; İzmir desk writing by Ali Veli; Editing by Tom Fell)");
        assert_eq!(c.authors, vec!["Ana Ruiz"]);
        // A sentence in brackets that is no credit stays.
        assert_eq!(
            with_tail("(The talks, reported by the port, resume on Friday.)")
                .paragraphs
                .len(),
            2
        );
    }

    #[test]
    fn a_wire_named_by_its_initials_in_the_dateline_is_the_source() {
        // Rule `dateline_initials`: the line is the wire's name, not the headline.
        let body = "OSLO, May 2 (HNS) - Negotiators left the harbour city on Monday without an agreement, officials said.";
        let c = scraped(&format!(
            "Heron News Syndicate

{body}"
        ));
        assert_eq!(
            c.outlet.as_ref().map(|o| o.0.as_str()),
            Some("Heron News Syndicate")
        );
        assert_ne!(c.title.as_deref(), Some("Heron News Syndicate"));
        // Other initials, or none, leave the line alone.
        let c = scraped(&format!(
            "Heron News Syndicate

{}",
            body.replace("HNS", "AP")
        ));
        assert_eq!(c.title.as_deref(), Some("Heron News Syndicate"));
        let c = scraped(
            "Harbour Talks Stall Again

Negotiators left the harbour city on Monday (HTSA) - without an agreement, officials said.",
        );
        assert!(c.outlet.is_none());
    }

    #[test]
    fn a_name_and_its_post_on_two_lines_are_a_byline() {
        // Rule `role_line`: the date below them is then the page's stamp in its head.
        let body = "Negotiators left the harbour city on Monday without an agreement, officials said.";
        let c = scraped(&format!(
            "Harbour talks stall\n\nJane Roe\nHarbour affairs reporter\n9 May 2031\n\n{body}"
        ));
        assert_eq!(c.authors, vec!["Jane Roe"]);
        assert_eq!(
            kinds(&c, RemovedKind::Byline),
            vec!["Jane Roe", "Harbour affairs reporter"]
        );
        assert_eq!(c.paragraphs, vec![body]);
        // A headline and a standfirst that end with a post are no byline.
        let c = scraped(&format!(
            "Quillby Post\n\nThe harbour gets a new editor\n\n{body}"
        ));
        assert!(kinds(&c, RemovedKind::Byline).is_empty());
    }

    #[test]
    fn a_date_alone_on_its_line_is_a_stamp_not_a_caption() {
        let c = scraped("Harbour talks stall\n\nMarch 3, 2031\n\nNegotiators left the harbour city on Monday without an agreement, officials said.");
        assert_eq!(kinds(&c, RemovedKind::Timestamp), vec!["March 3, 2031"]);
        assert!(kinds(&c, RemovedKind::Caption).is_empty());
    }

    #[test]
    fn a_row_of_sections_is_the_menu_not_the_headline() {
        // Rule `menu_bar`: the headline after the row is the title.
        let page = "Quillby Tidings\nHome | Harbour | Weather | Sport\nHarbour talks stall again\n\n\
                    Negotiators left the harbour city on Monday without an agreement, officials said.";
        let title = clean(page, None, CleanMode::Scraped).title;
        assert_eq!(title.as_deref(), Some("Harbour talks stall again"));
        assert!(menu_bar("News • Local • Ferries"));
        // A headline between its section and its outlet is no menu.
        assert!(!menu_bar(
            "Ferries | Fares rise again after the storm | Quillby Tidings"
        ));
        assert!(!menu_bar("Ferries | Quillby Tidings"));
    }

    #[test]
    fn a_signed_post_after_its_menu_keeps_its_text_and_a_lone_signature_stays() {
        let para = |n: u32| {
            format!("The ferry council met for the {n}th time this year and agreed to keep the winter timetable for one more season.")
        };
        // The post's own signature after menu lines, then two signed comments.
        let body = [para(3), para(4), para(5)].join("\n");
        let page = format!(
            "Home\nNews\nLocal\nFerry timetable stays\nPosted by: Dana Whitlock | March 14, 2031 10:05 AM\n{body}\nNot again. Posted by: oarsman | March 14, 2031 11:20 AM\nFine by me. Posted by: tidewatch | March 14, 2031 11:45 AM"
        );
        let c = clean(&page, None, CleanMode::Scraped);
        assert!(
            c.paragraphs.ends_with(&[para(3), para(4), para(5)]),
            "{:#?}",
            c.paragraphs
        );
        assert_eq!(c.authors, vec!["Dana Whitlock"]);
        let comments = c
            .removed
            .iter()
            .filter(|r| r.kind == RemovedKind::ReaderComment)
            .count();
        assert_eq!(comments, 2);
        // Two posts quoted in the article's middle (names in quotation marks) and a lone
        // signed footer: nothing is a thread, every paragraph stays.
        let quoted =
            "One message, posted by: \"Lakeside Mum\" on March 3, 2031, asked why the ferry was late.";
        let other = "Another, posted by: \"Quayside\" | March 3, 2031 9:10 PM, said the same.";
        let footer = "The timetable notice was written by: the harbour office on March 3, 2031 and posted at the pier.";
        let page = format!(
            "Ferry timetable stays\n{}\n{quoted}\n{other}\n{}\n{footer}",
            para(3),
            para(4)
        );
        let c = clean(&page, None, CleanMode::Scraped);
        assert_eq!(
            c.paragraphs,
            vec![
                para(3),
                quoted.to_string(),
                other.to_string(),
                para(4),
                footer.to_string()
            ]
        );
        // A plain byline with a bar and a date is a byline, wherever it stands.
        let page =
            format!("Ferry timetable stays\n{body}\nWritten by Jane Doe | Updated 14 March 2031 10:40");
        let c = clean(&page, None, CleanMode::Scraped);
        assert_eq!(c.authors, vec!["Jane Doe"]);
        assert_eq!(c.paragraphs.len(), 3);
    }

    #[test]
    fn captions_ending_with_dates() {
        let c = clean(
            "Ministers meet\n\nA minister speaks to reporters in the capital, March 3, 2019.\n\nThe talks began on March 3, 2019 and ended without a deal, officials said on Friday.\n\nThe truce took effect on March 4, 2019.",
            None,
            CleanMode::Scraped,
        );
        assert_eq!(kinds(&c, RemovedKind::Caption).len(), 1);
        assert_eq!(c.paragraphs.len(), 2, "{:?}", c.paragraphs);
    }
}

#[cfg(test)]
mod rule_cost {
    use super::*;

    /// Prints the time each rule takes over the lines of `$STORYLINE_RULE_TEXT` (a folder).
    #[test]
    #[ignore]
    fn rule_cost() {
        let Some(dir) = std::env::var_os("STORYLINE_RULE_TEXT") else {
            return;
        };
        let mut lines = Vec::new();
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let t = std::fs::read_to_string(e.path()).unwrap_or_default();
            lines.extend(t.lines().map(str::to_string));
        }
        let rules: Vec<(&str, &Regex)> = vec![
            ("ADVERT", &ADVERT),
            ("COUNTER", &COUNTER),
            ("MIRROR", &MIRROR),
            ("COMMENT_WORD", &COMMENT_WORD),
            ("POLICY_WORD", &POLICY_WORD),
            ("CAPTION_START", &CAPTION_START),
            ("RELATED_HEADER", &RELATED_HEADER),
            ("SHARE", &SHARE),
            ("NAV_PREV_NEXT", &NAV_PREV_NEXT),
            ("BREADCRUMB", &BREADCRUMB),
            ("MENU_BAR", &MENU_BAR),
            ("COPYRIGHT_OWNER", &COPYRIGHT_OWNER),
            ("BARE_URL", &BARE_URL),
            ("CREDIT", &CREDIT),
            ("SOURCE_LINE", &SOURCE_LINE),
            ("AND_AGENCIES", &AND_AGENCIES),
            ("BYLINE", &BYLINE),
            ("CONTACT", &CONTACT),
            ("UI_WORDS", &UI_WORDS),
            ("UI_WEAK_WORDS", &UI_WEAK_WORDS),
            ("UI_CALL", &UI_CALL),
            ("SECOND_PERSON", &SECOND_PERSON),
            ("FIRST_PLURAL", &FIRST_PLURAL),
            ("CAPTION_END", &CAPTION_END),
            ("RELATED_PREFIX", &RELATED_PREFIX),
            ("UI_LINE", &UI_LINE),
            ("EMAIL", &EMAIL),
            ("PHONE", &PHONE),
            ("COPYRIGHT", &COPYRIGHT),
            ("REPORTING_VERB", &REPORTING_VERB),
            ("ENDS_WITH_DATE", &ENDS_WITH_DATE),
            ("SOURCE_AND_DATE", &SOURCE_AND_DATE),
            ("EXPORT_LABEL", &EXPORT_LABEL),
            ("WORD_COUNT", &WORD_COUNT),
            ("PAST_TENSE", &PAST_TENSE),
            ("TIMESTAMP_START", &TIMESTAMP_START),
            ("NUMERIC_DATE", &NUMERIC_DATE),
            ("COMMENT_SIGNATURE", &COMMENT_SIGNATURE),
        ];
        for (name, r) in rules {
            let _ = r.is_match("warm up");
            let t = std::time::Instant::now();
            let mut n = 0;
            for _ in 0..200 {
                for l in &lines {
                    n += r.is_match(l) as usize;
                }
            }
            println!(
                "{name:<16} {:>8.1} ns/line  ({n} hits)",
                t.elapsed().as_nanos() as f64 / (200.0 * lines.len() as f64)
            );
        }
    }
}
