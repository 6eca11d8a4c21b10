//! A gazetteer of news outlets and wire agencies: canonical names, web hosts and
//! dateline codes. Used to name the outlet of an article from its URL, its site
//! name or an unambiguous tell-tale line. Unknown outlets keep the name or host
//! they were found under.

/// One outlet: canonical name, hosts (registrable domains), and the codes it
/// signs datelines with.
struct Outlet {
    name: &'static str,
    hosts: &'static [&'static str],
    codes: &'static [&'static str],
    aliases: &'static [&'static str],
}

const OUTLETS: &[Outlet] = &[
    o(
        "Agence France-Presse",
        &["afp.com"],
        &["AFP"],
        &["agence france presse"],
    ),
    o(
        "Associated Press",
        &["apnews.com", "ap.org"],
        &["AP"],
        &["the associated press"],
    ),
    o("Reuters", &["reuters.com"], &["Reuters"], &["thomson reuters"]),
    o(
        "Anadolu Agency",
        &["aa.com.tr"],
        &["AA"],
        &["anadolu", "anadolu ajansi"],
    ),
    o("Deutsche Presse-Agentur", &["dpa.com"], &["dpa", "DPA"], &[]),
    o(
        "Xinhua",
        &["xinhuanet.com", "news.cn"],
        &["Xinhua"],
        &["xinhua news agency"],
    ),
    o("TASS", &["tass.com", "tass.ru"], &["TASS"], &["itar-tass"]),
    o("RIA Novosti", &["ria.ru"], &["RIA Novosti", "RIA"], &[]),
    o(
        "Sputnik",
        &["sputniknews.com", "sputnikglobe.com"],
        &["Sputnik"],
        &[],
    ),
    o("Islamic Republic News Agency", &["irna.ir"], &["IRNA"], &[]),
    o("Syrian Arab News Agency", &["sana.sy"], &["SANA"], &[]),
    o("United Press International", &["upi.com"], &["UPI"], &[]),
    o("Agencia EFE", &["efe.com"], &["EFE"], &[]),
    o("ANSA", &["ansa.it"], &["ANSA"], &[]),
    o("Kyodo News", &["kyodonews.net"], &["Kyodo"], &[]),
    o("Yonhap", &["yna.co.kr"], &["Yonhap"], &[]),
    o("Press Trust of India", &["ptinews.com"], &["PTI"], &[]),
    o("Interfax", &["interfax.ru", "interfax.com"], &["Interfax"], &[]),
    o(
        "Press TV",
        &["presstv.ir", "presstv.com", "presstv.co.uk"],
        &[],
        &["presstv"],
    ),
    o("TRT World", &["trtworld.com"], &[], &["trtworld", "trt world"]),
    o(
        "Al Jazeera",
        &["aljazeera.com", "aljazeera.net"],
        &[],
        &["aljazeera"],
    ),
    o("BBC", &["bbc.co.uk", "bbc.com"], &[], &["bbc news"]),
    o("CNN", &["cnn.com"], &[], &[]),
    o(
        "The New York Times",
        &["nytimes.com"],
        &[],
        &["new york times", "nyt"],
    ),
    o(
        "The Washington Post",
        &["washingtonpost.com"],
        &[],
        &["washington post"],
    ),
    o(
        "The Guardian",
        &["theguardian.com", "guardian.co.uk"],
        &[],
        &["guardian"],
    ),
    o(
        "The Wall Street Journal",
        &["wsj.com"],
        &[],
        &["wall street journal", "wsj"],
    ),
    o("Fox News", &["foxnews.com"], &[], &[]),
    o("NBC News", &["nbcnews.com"], &[], &[]),
    o("CBS News", &["cbsnews.com"], &[], &[]),
    o("ABC News", &["abcnews.go.com"], &[], &[]),
    o("NPR", &["npr.org"], &[], &[]),
    o("Politico", &["politico.com", "politico.eu"], &[], &[]),
    o("The Hill", &["thehill.com"], &[], &[]),
    o("USA Today", &["usatoday.com"], &[], &[]),
    o("Los Angeles Times", &["latimes.com"], &[], &["la times"]),
    o("Bloomberg", &["bloomberg.com"], &[], &[]),
    o("Financial Times", &["ft.com"], &[], &[]),
    o("The Independent", &["independent.co.uk"], &[], &["independent"]),
    o("The Telegraph", &["telegraph.co.uk"], &[], &["telegraph"]),
    o("Daily Mail", &["dailymail.co.uk"], &[], &["mail online"]),
    o("Sky News", &["news.sky.com", "sky.com"], &[], &[]),
    o("Deutsche Welle", &["dw.com"], &[], &["dw"]),
    o("France 24", &["france24.com"], &[], &["france24"]),
    o("Euronews", &["euronews.com"], &[], &[]),
    o("RT", &["rt.com"], &[], &["russia today"]),
    o("Al Arabiya", &["alarabiya.net"], &[], &[]),
    o("Daily Sabah", &["dailysabah.com"], &[], &[]),
    o("Hurriyet Daily News", &["hurriyetdailynews.com"], &[], &[]),
    o(
        "The Times of Israel",
        &["timesofisrael.com"],
        &[],
        &["times of israel"],
    ),
    o("Haaretz", &["haaretz.com"], &[], &[]),
    o("Pulse Nigeria", &["pulse.ng"], &[], &[]),
    o(
        "The Times of India",
        &["timesofindia.indiatimes.com"],
        &[],
        &["times of india"],
    ),
    o("South China Morning Post", &["scmp.com"], &[], &["scmp"]),
    o(
        "The Moscow Times",
        &["themoscowtimes.com"],
        &[],
        &["moscow times"],
    ),
    o("Middle East Eye", &["middleeasteye.net"], &[], &[]),
    o("Voice of America", &["voanews.com"], &["VOA"], &["voa news"]),
    o(
        "Radio Free Europe/Radio Liberty",
        &["rferl.org"],
        &["RFE/RL"],
        &[],
    ),
];

const fn o(
    name: &'static str,
    hosts: &'static [&'static str],
    codes: &'static [&'static str],
    aliases: &'static [&'static str],
) -> Outlet {
    Outlet {
        name,
        hosts,
        codes,
        aliases,
    }
}

/// Letters and digits only, lower-cased: "TRTWorld" and "TRT World" meet.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The canonical name for a name or alias, if the outlet is known.
pub fn canonical_name(name: &str) -> Option<&'static str> {
    // Every outlet's squashed name, aliases and long codes, built once (the first listed
    // outlet wins a shared key).
    static KEYS: std::sync::LazyLock<std::collections::HashMap<String, &'static str>> =
        std::sync::LazyLock::new(|| {
            let mut keys = std::collections::HashMap::new();
            for o in OUTLETS {
                let names = std::iter::once(o.name.trim_start_matches("The "))
                    .chain(o.aliases.iter().copied())
                    .chain(o.codes.iter().copied().filter(|c| c.len() > 3));
                for n in names {
                    keys.entry(squash(n)).or_insert(o.name);
                }
            }
            keys
        });
    let key = squash(name.trim().trim_start_matches("The ").trim_start_matches("the "));
    if key.is_empty() {
        return None;
    }
    KEYS.get(&key).copied()
}

/// The canonical name for `name` when the outlet is known, else `name` itself (trimmed).
pub fn name_for(name: &str) -> String {
    let name = name.trim();
    canonical_name(name).map_or_else(|| name.to_string(), str::to_string)
}

/// The outlet behind a dateline code such as `(AA)` or `(AFP)`. Codes are matched
/// exactly (case included): "AP" is an agency, "ap" is not.
pub fn by_code(code: &str) -> Option<&'static str> {
    OUTLETS.iter().find(|o| o.codes.contains(&code)).map(|o| o.name)
}

/// The known outlet whose web host this is (subdomains included).
pub fn known_host(host: &str) -> Option<&'static str> {
    let host = host.trim_start_matches("www.").to_ascii_lowercase();
    OUTLETS
        .iter()
        .find(|o| {
            o.hosts
                .iter()
                .any(|h| host == *h || host.strip_suffix(h).is_some_and(|p| p.ends_with('.')))
        })
        .map(|o| o.name)
}

/// The outlet for a URL host: a known outlet's name, or the host without `www.`.
pub fn by_host(host: &str) -> String {
    known_host(host).map_or_else(
        || host.trim_start_matches("www.").to_ascii_lowercase(),
        str::to_string,
    )
}

/// The host of a URL, without `www.`.
pub fn host_of(url: &str) -> Option<String> {
    let u = url::Url::parse(url).ok()?;
    u.host_str()
        .map(|h| h.trim_start_matches("www.").to_ascii_lowercase())
}

/// The outlet for a URL, if it has a host.
pub fn by_url(url: &str) -> Option<String> {
    host_of(url).map(|h| by_host(&h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_hosts_and_codes() {
        assert_eq!(canonical_name("TRTWorld"), Some("TRT World"));
        assert_eq!(canonical_name("Press TV"), Some("Press TV"));
        assert_eq!(canonical_name("Nowhere Gazette"), None);
        assert_eq!(by_code("AA"), Some("Anadolu Agency"));
        assert_eq!(by_code("aa"), None);
        assert_eq!(by_host("www.presstv.ir"), "Press TV");
        assert_eq!(by_host("news.example.org"), "news.example.org");
        assert_eq!(
            by_url("https://edition.cnn.com/2016/12/08/x").as_deref(),
            Some("CNN")
        );
    }
}
