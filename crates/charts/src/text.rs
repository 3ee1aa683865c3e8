//! Text for SVG: XML escaping, Unicode bidi isolation, width estimates and wrapping.

/// U+200E LEFT-TO-RIGHT MARK: a strong left-to-right character that takes no room.
pub const LRM: char = '\u{200E}';
/// U+200F RIGHT-TO-LEFT MARK: a strong right-to-left character that takes no room.
pub const RLM: char = '\u{200F}';
/// U+2068 FIRST STRONG ISOLATE: starts an isolated run whose direction is its own.
pub const FSI: char = '\u{2068}';
/// U+2069 POP DIRECTIONAL ISOLATE: ends the run started by [`FSI`].
pub const PDI: char = '\u{2069}';

/// Escapes a string for XML text and attribute values (`& < > " '`), and replaces the
/// characters XML 1.0 forbids (control characters other than tab, newline and carriage
/// return) with U+FFFD, so any caller string gives well-formed SVG.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(ch),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Wraps a string in FSI … PDI, so a Latin name or a number keeps its own direction and
/// does not reorder the Arabic (or French) text around it. Every caller string drawn as
/// visible text goes through this.
pub fn isolate(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 6);
    out.push(FSI);
    out.push_str(s);
    out.push(PDI);
    out
}

/// A rough width of `s` in user units at `font_size`, without font metrics (about 0.58 em
/// per character, a fair average for the sans-serif Latin and Arabic fonts of browsers).
pub(crate) fn estimate_width(s: &str, font_size: f64) -> f64 {
    let n = s
        .chars()
        .filter(|c| !matches!(*c, FSI | PDI | LRM | RLM))
        .count();
    n as f64 * font_size * 0.58
}

/// Breaks `s` into at most `max_lines` lines that fit `width`, at spaces and after
/// hyphens ("Tanger-Tétouan-Al Hoceima"); a line that still does not fit, and the last
/// line when text is left over, is cut with an ellipsis.
pub(crate) fn wrap(s: &str, width: f64, font_size: f64, max_lines: usize) -> Vec<String> {
    // Tokens with whether a space separates them from the previous one.
    let mut tokens: Vec<(bool, String)> = Vec::new();
    for (w, word) in s.split_whitespace().enumerate() {
        let mut first = true;
        for piece in word.split_inclusive('-') {
            tokens.push((w > 0 && first, piece.to_string()));
            first = false;
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for (space, token) in tokens {
        let candidate = if current.is_empty() {
            token.clone()
        } else if space {
            format!("{current} {token}")
        } else {
            format!("{current}{token}")
        };
        if current.is_empty() || estimate_width(&candidate, font_size) <= width {
            current = candidate;
        } else {
            lines.push(std::mem::take(&mut current));
            current = token;
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    let max_lines = max_lines.max(1);
    if lines.len() > max_lines {
        let rest = lines.split_off(max_lines - 1).join(" ");
        lines.push(rest);
    }
    lines
        .iter()
        .map(|l| truncate(l, width, font_size))
        .collect()
}

/// Cuts `s` with an ellipsis so that it fits `width`.
pub(crate) fn truncate(s: &str, width: f64, font_size: f64) -> String {
    if estimate_width(s, font_size) <= width {
        return s.to_string();
    }
    let max = ((width / (font_size * 0.58)).floor() as usize).max(2);
    let mut out: String = s.chars().take(max - 1).collect();
    out = out.trim_end().to_string();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_and_quotes() {
        assert_eq!(
            escape(r#"a<b & "c" 'd'>"#),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;"
        );
        assert_eq!(escape("x\u{0}y\u{7}"), "x\u{FFFD}y\u{FFFD}");
        assert_eq!(escape("طنجة"), "طنجة");
    }

    #[test]
    fn isolation_brackets_the_text() {
        assert_eq!(isolate("12 345"), "\u{2068}12 345\u{2069}");
    }

    #[test]
    fn wrapping_keeps_lines_within_bounds() {
        let lines = wrap(
            "Tanger-Tétouan-Al Hoceima et environs proches",
            80.0,
            10.0,
            2,
        );
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        assert_eq!(wrap("Oriental", 200.0, 10.0, 2), vec!["Oriental"]);
        assert_eq!(wrap("", 200.0, 10.0, 2), vec![""]);
    }
}
