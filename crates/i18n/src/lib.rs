//! Translations for Jisr: Fluent message files per locale, compiled into the binary,
//! with plural categories from ICU4X (the CLDR rules, right for Arabic's six forms).
//!
//! Arabic is the default and reads right to left; French is the second language;
//! Amazigh in Tifinagh (`zgh`) covers the public pages and falls back to French for
//! staff pages, with every string awaiting review by a native speaker.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use icu_plurals::{PluralCategory, PluralRules};
use std::collections::BTreeSet;
use unic_langid::LanguageIdentifier;

/// A language the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    Ar,
    Fr,
    Zgh,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::Ar, Locale::Fr, Locale::Zgh];
    pub const DEFAULT: Locale = Locale::Ar;

    /// The BCP 47 tag, as used in `lang` attributes and cookies.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Ar => "ar",
            Locale::Fr => "fr",
            Locale::Zgh => "zgh",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        let primary = s.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// Text direction for the `dir` attribute.
    pub fn dir(self) -> &'static str {
        match self {
            Locale::Ar => "rtl",
            Locale::Fr | Locale::Zgh => "ltr",
        }
    }

    /// The language's own name, shown in the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::Ar => "العربية",
            Locale::Fr => "Français",
            Locale::Zgh => "ⵜⴰⵎⴰⵣⵉⵖⵜ",
        }
    }

    /// Picks the best supported language from an `Accept-Language` header.
    pub fn from_accept_language(header: &str) -> Option<Self> {
        let mut choices: Vec<(f32, usize, Locale)> = header
            .split(',')
            .enumerate()
            .filter_map(|(i, part)| {
                let mut it = part.split(';');
                let tag = it.next()?.trim();
                let q = it
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                Some((q, i, Locale::parse(tag)?))
            })
            .filter(|(q, _, _)| *q > 0.0)
            .collect();
        choices.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        choices.first().map(|c| c.2)
    }

    fn fallback(self) -> Option<Locale> {
        match self {
            Locale::Zgh => Some(Locale::Fr),
            _ => None,
        }
    }
}

/// The message files of each locale, by context: every `locales/<tag>/<context>.ftl`,
/// found by the build script.
const FILES: &[(Locale, &str, &str)] = include!(concat!(env!("OUT_DIR"), "/files.rs"));

/// Why the catalogue could not be built.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("{locale}/{file}.ftl: {message}")]
    Syntax {
        locale: &'static str,
        file: &'static str,
        message: String,
    },
}

/// All translations, shared by every request.
pub struct Catalog {
    bundles: Vec<(Locale, FluentBundle<FluentResource>)>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Catalog")
    }
}

fn plural_rules(locale: Locale) -> PluralRules {
    let tag: icu_locale_core::Locale = locale.tag().parse().expect("valid locale tag");
    PluralRules::try_new_cardinal((&tag).into())
        .or_else(|_| PluralRules::try_new_cardinal(Default::default()))
        .expect("root plural rules are compiled in")
}

fn category_name(c: PluralCategory) -> &'static str {
    match c {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

thread_local! {
    // ICU4X rules are not `Send`, so each thread keeps its own, built on first use.
    static RULES: std::cell::RefCell<Vec<(Locale, PluralRules)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The CLDR plural category of a whole number in `locale`.
pub fn plural_category(locale: Locale, n: u64) -> &'static str {
    // CLDR has no rules for Standard Moroccan Amazigh, so ICU4X would answer with the
    // root's single `other`; the Tifinagh files distinguish one thing from several.
    if locale == Locale::Zgh {
        return if n == 1 { "one" } else { "other" };
    }
    RULES.with(|cell| {
        let mut rules = cell.borrow_mut();
        if !rules.iter().any(|(l, _)| *l == locale) {
            rules.push((locale, plural_rules(locale)));
        }
        let r = &rules
            .iter()
            .find(|(l, _)| *l == locale)
            .expect("just inserted")
            .1;
        category_name(r.category_for(n))
    })
}

impl Catalog {
    /// Parses every message file. A syntax error in a shipped file is a build defect, so
    /// a test calls this and the binary refuses to start on failure.
    pub fn load() -> Result<Self, CatalogError> {
        let mut bundles = Vec::new();
        for locale in Locale::ALL {
            let langid: LanguageIdentifier = locale.tag().parse().expect("valid tag");
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            // PLURAL($n) selects the CLDR category through ICU4X; Fluent's own rules get
            // Arabic wrong for counts of 100 and more.
            bundle
                .add_function("PLURAL", move |pos, _named| match pos.first() {
                    Some(FluentValue::Number(n)) if n.value >= 0.0 && n.value.fract() == 0.0 => {
                        FluentValue::String(plural_category(locale, n.value as u64).into())
                    }
                    _ => FluentValue::String("other".into()),
                })
                .expect("PLURAL is registered once");
            for (l, file, text) in FILES.iter().filter(|(l, _, _)| *l == locale) {
                let res = FluentResource::try_new((*text).to_owned()).map_err(|(_, errs)| {
                    CatalogError::Syntax {
                        locale: l.tag(),
                        file,
                        message: format!("{errs:?}"),
                    }
                })?;
                bundle
                    .add_resource(res)
                    .map_err(|errs| CatalogError::Syntax {
                        locale: l.tag(),
                        file,
                        message: format!("{errs:?}"),
                    })?;
            }
            bundles.push((locale, bundle));
        }
        Ok(Self { bundles })
    }

    fn bundle(&self, locale: Locale) -> &FluentBundle<FluentResource> {
        &self
            .bundles
            .iter()
            .find(|(l, _)| *l == locale)
            .expect("every locale loaded")
            .1
    }

    fn format(&self, locale: Locale, key: &str, args: Option<&FluentArgs>) -> Option<String> {
        let bundle = self.bundle(locale);
        let (id, attr) = match key.split_once('.') {
            Some((id, attr)) => (id, Some(attr)),
            None => (key, None),
        };
        let msg = bundle.get_message(id)?;
        let pattern = match attr {
            Some(a) => msg.get_attribute(a)?.value(),
            None => msg.value()?,
        };
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned(),
        )
    }

    /// The message `key` in `locale` (falling back along the locale's chain). A missing
    /// key shows as the key itself, which the completeness test forbids in shipped files.
    pub fn t(&self, locale: Locale, key: &str) -> String {
        self.t_args(locale, key, None)
    }

    pub fn t_args(&self, locale: Locale, key: &str, args: Option<&FluentArgs>) -> String {
        let mut l = Some(locale);
        while let Some(cur) = l {
            if let Some(s) = self.format(cur, key, args) {
                return s;
            }
            l = cur.fallback();
        }
        key.to_owned()
    }

    /// Whether `locale` itself (not a fallback) has `key`.
    pub fn has(&self, locale: Locale, key: &str) -> bool {
        let id = key.split('.').next().unwrap_or(key);
        self.bundle(locale).has_message(id)
    }
}

/// The message ids defined in one locale's files, for completeness checks.
pub fn message_ids(locale: Locale) -> BTreeSet<String> {
    FILES
        .iter()
        .filter(|(l, _, _)| *l == locale)
        .flat_map(|(_, _, text)| {
            text.lines()
                .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
                .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim().to_owned()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Formats a whole number with the locale's grouping (Western digits everywhere).
pub fn format_count(locale: Locale, n: i64) -> String {
    let sep = match locale {
        Locale::Ar => ".",
        Locale::Fr | Locale::Zgh => "\u{202f}",
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(ch);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

pub use fluent_bundle::FluentArgs as Args;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_parses() {
        Catalog::load().unwrap();
    }

    #[test]
    fn arabic_and_french_define_the_same_keys() {
        let ar = message_ids(Locale::Ar);
        let fr = message_ids(Locale::Fr);
        let only_ar: Vec<_> = ar.difference(&fr).collect();
        let only_fr: Vec<_> = fr.difference(&ar).collect();
        assert!(
            only_ar.is_empty() && only_fr.is_empty(),
            "only ar: {only_ar:?}; only fr: {only_fr:?}"
        );
        assert!(ar.len() > 20);
    }

    #[test]
    fn tifinagh_keys_all_exist_in_french() {
        let fr = message_ids(Locale::Fr);
        let extra: Vec<_> = message_ids(Locale::Zgh)
            .into_iter()
            .filter(|k| !fr.contains(k))
            .collect();
        assert!(extra.is_empty(), "{extra:?}");
    }

    /// Each message's source text (with its continuation lines), by id.
    fn sources(locale: Locale) -> std::collections::BTreeMap<String, String> {
        let mut out = std::collections::BTreeMap::new();
        for (_, _, text) in FILES.iter().filter(|(l, _, _)| *l == locale) {
            let mut current: Option<String> = None;
            for line in text.lines() {
                if line.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                    && let Some((k, v)) = line.split_once('=')
                {
                    let k = k.trim().to_owned();
                    out.insert(k.clone(), v.to_owned());
                    current = Some(k);
                    continue;
                }
                match (&current, line.starts_with(' ') || line.starts_with('}')) {
                    (Some(k), true) => {
                        let v = out.get_mut(k).expect("inserted above");
                        v.push('\n');
                        v.push_str(line);
                    }
                    _ => current = None,
                }
            }
        }
        out
    }

    fn variables(source: &str) -> BTreeSet<String> {
        source
            .split('$')
            .skip(1)
            .map(|rest| {
                rest.chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect()
            })
            .collect()
    }

    #[test]
    fn tifinagh_messages_keep_the_french_placeables_and_plural_forms() {
        let fr = sources(Locale::Fr);
        let zgh = sources(Locale::Zgh);
        assert!(zgh.len() > 100, "{}", zgh.len());
        for (key, text) in &zgh {
            let french = &fr[key];
            assert_eq!(variables(text), variables(french), "{key}: {text}");
            if french.contains("PLURAL(") {
                assert!(
                    text.contains("PLURAL(") && text.contains("[one]") && text.contains("*[other]"),
                    "{key} needs [one] and *[other]: {text}"
                );
            }
            // Written in Tifinagh, except what is the same in every language (« API »).
            assert!(
                text.chars().any(|c| ('\u{2D30}'..='\u{2D7F}').contains(&c))
                    || text.trim() == french.trim(),
                "{key} is not in Tifinagh: {text}"
            );
        }
    }

    #[test]
    fn tifinagh_files_are_marked_for_review_by_a_native_speaker() {
        for (_, file, text) in FILES.iter().filter(|(l, _, _)| *l == Locale::Zgh) {
            let header: String = text
                .lines()
                .take_while(|l| l.starts_with('#'))
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                header.to_lowercase().contains("review by a native speaker"),
                "zgh/{file}.ftl header"
            );
            for section in text.lines().filter(|l| l.starts_with("## ")) {
                assert!(
                    section.contains("awaiting review by a native speaker"),
                    "zgh/{file}.ftl: {section}"
                );
            }
        }
    }

    #[test]
    fn tifinagh_plurals_tell_one_from_several() {
        let c = Catalog::load().unwrap();
        let count = |n: i64| {
            let mut a = FluentArgs::new();
            a.set("count", n);
            c.t_args(Locale::Zgh, "svc-count", Some(&a))
        };
        assert_eq!(plural_category(Locale::Zgh, 1), "one");
        assert_eq!(plural_category(Locale::Zgh, 0), "other");
        assert_eq!(plural_category(Locale::Zgh, 5), "other");
        assert_eq!(plural_category(Locale::Zgh, 21), "other");
        assert_eq!(count(1), "1 ⵜⵏⴰⴼⵓⵜ");
        assert_eq!(count(5), "5 ⵜⵏⴰⴼⵓⵜⵉⵏ");
    }

    #[test]
    fn arabic_plural_categories_follow_cldr() {
        let cases = [
            (0, "zero"),
            (1, "one"),
            (2, "two"),
            (3, "few"),
            (10, "few"),
            (11, "many"),
            (99, "many"),
            (100, "other"),
            (102, "other"),
            (103, "few"),
            (111, "many"),
        ];
        for (n, want) in cases {
            assert_eq!(plural_category(Locale::Ar, n), want, "ar {n}");
        }
        assert_eq!(plural_category(Locale::Fr, 0), "one");
        assert_eq!(plural_category(Locale::Fr, 2), "other");
    }

    #[test]
    fn plural_messages_pick_the_right_form() {
        let c = Catalog::load().unwrap();
        let count = |l, n: i64| {
            let mut a = FluentArgs::new();
            a.set("count", n);
            c.t_args(l, "geo-communes-count", Some(&a))
        };
        assert_eq!(count(Locale::Ar, 1), "جماعة واحدة");
        assert_eq!(count(Locale::Ar, 2), "جماعتان");
        assert!(
            count(Locale::Ar, 103).contains("جماعات"),
            "{}",
            count(Locale::Ar, 103)
        );
        assert!(
            count(Locale::Ar, 111).contains("جماعة"),
            "{}",
            count(Locale::Ar, 111)
        );
        assert_eq!(count(Locale::Fr, 1), "1 commune");
        assert_eq!(count(Locale::Fr, 25), "25 communes");
    }

    #[test]
    fn languages_are_negotiated() {
        assert_eq!(
            Locale::from_accept_language("fr-FR,fr;q=0.9,en;q=0.8"),
            Some(Locale::Fr)
        );
        assert_eq!(
            Locale::from_accept_language("en-US,ar;q=0.5,fr;q=0.4"),
            Some(Locale::Ar)
        );
        assert_eq!(Locale::from_accept_language("en"), None);
        assert_eq!(Locale::from_accept_language("fr;q=0,ar"), Some(Locale::Ar));
        assert_eq!(Locale::parse("zgh-Tfng"), Some(Locale::Zgh));
    }

    #[test]
    fn zgh_falls_back_to_french_for_staff_pages() {
        let c = Catalog::load().unwrap();
        assert!(!c.has(Locale::Zgh, "geo-territories-title"));
        assert_eq!(
            c.t(Locale::Zgh, "geo-territories-title"),
            c.t(Locale::Fr, "geo-territories-title")
        );
    }

    #[test]
    fn counts_are_grouped() {
        assert_eq!(format_count(Locale::Fr, 346108), "346\u{202f}108");
        assert_eq!(format_count(Locale::Ar, 1234567), "1.234.567");
        assert_eq!(format_count(Locale::Ar, 12), "12");
    }
}
