//! What every page template shares: the language, translations, the current path for
//! the language switch, and helpers for numbers and bilingual names.

use axum::http::Uri;
use jisr_i18n::{Args, Catalog, Locale};
use std::sync::Arc;

/// One entry of the language switch.
pub struct LangLink {
    pub tag: &'static str,
    pub name: &'static str,
    pub href: String,
    pub current: bool,
}

/// One option of a select or a set of radio buttons: the stored value and its label.
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// The signed-in person as shown in the page header.
pub struct Badge {
    pub name: String,
    /// Each grant as "role · scope", translated (several of one role: "role · N places").
    pub grants: Vec<String>,
    pub roles: Vec<jisr_domain::access::Role>,
}

/// The page frame: language, direction, navigation, the signed-in person.
pub struct Chrome {
    pub locale: Locale,
    catalog: Arc<Catalog>,
    pub path: String,
    pub title: String,
    pub user: Option<Badge>,
}

impl Chrome {
    pub fn new(catalog: Arc<Catalog>, locale: Locale, uri: &Uri, title_key: &str) -> Self {
        let title = catalog.t(locale, title_key);
        Self {
            locale,
            catalog,
            path: uri.path().to_owned(),
            title,
            user: None,
        }
    }

    pub fn with_user(mut self, user: Option<&jisr_store::sessions::SessionUser>) -> Self {
        self.user = user.map(|u| {
            let mut roles: Vec<jisr_domain::access::Role> = Vec::new();
            for (role, _) in u.grants.iter() {
                if !roles.contains(role) {
                    roles.push(*role);
                }
            }
            let grants = roles
                .iter()
                .map(|role| {
                    let scopes: Vec<_> = u.grants.iter().filter(|(r, _)| r == role).collect();
                    let place = match scopes.as_slice() {
                        [(_, scope)] => self.scope_label(scope),
                        many => self.tn("scope-many", many.len()),
                    };
                    format!("{} · {place}", self.t2("role", role.as_str()))
                })
                .collect();
            Badge {
                name: u.display_name.clone(),
                grants,
                roles,
            }
        });
        self
    }

    /// A scope in words: "national", "region 07", "province 07.427".
    pub fn scope_label(&self, scope: &jisr_domain::access::Scope) -> String {
        match scope.code() {
            Some(code) => self.t1(&format!("scope-{}", scope.kind()), "code", &code),
            None => self.t(&format!("scope-{}", scope.kind())),
        }
    }

    /// Whether the person's role holds `capability` (navigation and page links).
    pub fn can(&self, capability: jisr_domain::access::Capability) -> bool {
        self.user
            .as_ref()
            .is_some_and(|u| u.roles.iter().any(|r| r.can(capability)))
    }

    /// Whether the person reads establishments' admissions registers.
    pub fn reads_register(&self) -> bool {
        self.can(jisr_domain::access::Capability::ReadRegisters)
    }

    /// The main navigation: every entry the person may use, in order.
    pub fn nav(&self) -> Vec<&'static crate::nav::NavItem> {
        crate::nav::ITEMS
            .iter()
            .filter(|item| item.shown_to(self))
            .collect()
    }

    /// Whether someone is signed in.
    pub fn signed_in(&self) -> bool {
        self.user.is_some()
    }

    pub fn with_title(mut self, title: String) -> Self {
        self.title = title;
        self
    }

    pub fn lang(&self) -> &'static str {
        self.locale.tag()
    }

    pub fn dir(&self) -> &'static str {
        self.locale.dir()
    }

    /// A message in another language than the page's (for files carrying both).
    pub fn t_in(&self, locale: Locale, key: &str) -> String {
        self.catalog.t(locale, key)
    }

    /// A translated message.
    pub fn t(&self, key: &str) -> String {
        self.catalog.t(self.locale, key)
    }

    /// The label of a stored value, e.g. `t2("geo-kind", "rural")` reads `geo-kind-rural`.
    pub fn t2(&self, prefix: &str, value: &str) -> String {
        self.catalog.t(self.locale, &format!("{prefix}-{value}"))
    }

    /// A timeline line: the status reached and why.
    pub fn t2_reason(&self, status: &str, reason: &str) -> String {
        let mut args = Args::new();
        args.set("status", self.t2("est-status", status));
        args.set("reason", reason.to_owned());
        self.catalog
            .t_args(self.locale, "est-timeline-entry", Some(&args))
    }

    /// A translated message with one argument.
    pub fn t1(&self, key: &str, name: &str, value: &str) -> String {
        let mut args = Args::new();
        args.set(name.to_owned(), value.to_owned());
        self.catalog.t_args(self.locale, key, Some(&args))
    }

    /// A translated message with several text arguments.
    pub fn targs(&self, key: &str, values: &[(&str, String)]) -> String {
        let mut args = Args::new();
        for (name, value) in values {
            args.set((*name).to_owned(), value.clone());
        }
        self.catalog.t_args(self.locale, key, Some(&args))
    }

    /// A translated message with a count (plural forms).
    pub fn tn(&self, key: &str, count: usize) -> String {
        let mut args = Args::new();
        args.set("count", count as i64);
        self.catalog.t_args(self.locale, key, Some(&args))
    }

    /// A stored date or instant as the day, month and year people write in Morocco, in
    /// Western digits: `15/01/2026` (an instant counts in Morocco's time).
    pub fn date(&self, stored: &str) -> String {
        jisr_domain::time::day(stored)
    }

    /// A stored instant as its day and time in Morocco: `15/01/2026 14:03`.
    pub fn time(&self, stored: &str) -> String {
        jisr_domain::time::day_and_time(stored)
    }

    /// A file size in kilobytes, at least 1.
    pub fn size(&self, bytes: &i64) -> String {
        let kb = (*bytes + 1023) / 1024;
        self.t1(
            "size-kb",
            "n",
            &jisr_i18n::format_count(self.locale, kb.max(1)),
        )
    }

    /// Who did something, from an audit label and the names looked up for it.
    pub fn who(&self, names: &std::collections::HashMap<String, String>, label: &str) -> String {
        if let Some(name) = names.get(label) {
            return name.clone();
        }
        if label.starts_with("system:") {
            self.t("actor-system")
        } else if label == "anonymous" {
            self.t("actor-anonymous")
        } else {
            label.to_owned()
        }
    }

    /// A whole number with the locale's grouping.
    pub fn num(&self, n: &i64) -> String {
        jisr_i18n::format_count(self.locale, *n)
    }

    /// The name in the page's language; Tifinagh pages use the French name.
    pub fn name<'a>(&self, ar: &'a str, fr: &'a str) -> &'a str {
        match self.locale {
            Locale::Ar => ar,
            Locale::Fr | Locale::Zgh => fr,
        }
    }

    /// The name in the other script, shown beside the first.
    pub fn other_name<'a>(&self, ar: &'a str, fr: &'a str) -> &'a str {
        match self.locale {
            Locale::Ar => fr,
            Locale::Fr | Locale::Zgh => ar,
        }
    }

    /// The language of the other-script name, for its `lang` attribute.
    pub fn other_lang(&self) -> &'static str {
        match self.locale {
            Locale::Ar => "fr",
            Locale::Fr | Locale::Zgh => "ar",
        }
    }

    pub fn languages(&self) -> Vec<LangLink> {
        Locale::ALL
            .into_iter()
            .map(|l| LangLink {
                tag: l.tag(),
                name: l.native_name(),
                href: format!("/lang/{}?next={}", l.tag(), encode_path(&self.path)),
                current: l == self.locale,
            })
            .collect()
    }

    /// Whether a navigation entry is the current section.
    pub fn is_section(&self, prefix: &str) -> bool {
        if prefix == "/" {
            self.path == "/"
        } else {
            self.path.starts_with(prefix)
        }
    }
}

/// Percent-encodes a path for use as a query value.
pub fn encode_path(p: &str) -> String {
    p.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The translated errors of a form, by field name, for showing each at its field.
#[derive(Default)]
pub struct FieldErrors(Vec<(String, String)>);

impl FieldErrors {
    /// Translates `(field, message key)` pairs.
    pub fn translate<F: Into<String>>(chrome: &Chrome, keys: Vec<(F, &'static str)>) -> Self {
        Self(
            keys.into_iter()
                .map(|(f, k)| (f.into(), chrome.t(k)))
                .collect(),
        )
    }

    /// Adds an already translated message at a field.
    pub fn push(&mut self, field: impl Into<String>, message: String) {
        self.0.push((field.into(), message));
    }

    /// Every message at a field, in order.
    pub fn all_for(&self, field: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
            .collect()
    }

    /// Every message, in order.
    pub fn all(&self) -> Vec<&str> {
        self.0.iter().map(|(_, m)| m.as_str()).collect()
    }

    /// The error shown at a field, if any.
    pub fn error_for(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
