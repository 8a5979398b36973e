//! Messages in the user's language (feature `i18n`): catalogs in English, Dutch, German, French,
//! Spanish, Italian, Portuguese and Polish, the application's own words, language negotiation,
//! and a documentation URI for every code.
//!
//! A violation keeps only its code, its English template and its params; the language is chosen
//! when a message is rendered, so validating stays allocation-free and language-neutral, and
//! `Display` stays English. The catalogs are [Fluent](https://projectfluent.org) files
//! (`customer-core/i18n/*.ftl`), read with `fluent-bundle`, whose plural rules are CLDR's (Polish
//! has four forms).
//!
//! ```
//! use customer_core::i18n::Catalog;
//! use customer_core::rules;
//!
//! let catalog = Catalog::global();
//! let lang = catalog.negotiate("pl-PL, de;q=0.8, en;q=0.5");
//! assert_eq!(lang.as_str(), "pl");
//! let error = rules::length::check_count(9, None, Some(5)).unwrap_err();
//! assert_eq!(catalog.message(&lang, &error), "musi mieć długość najwyżej 5");
//! // `Display` stays English.
//! assert_eq!(error.to_string(), "must have a length of at most 5");
//! ```
//!
//! An application overrides any message, per language, with its own Fluent source: by the
//! message's id (`length-max`, see `customer-core/i18n/en.ftl`) or, for every message of a code,
//! by the code itself (`length`). The same way it adds a language the crate does not ship, and
//! gives its own codes (`#[customer(code = "...")]`, custom rules) their texts:
//!
//! ```
//! use customer_core::i18n::Catalog;
//! use customer_core::rules;
//!
//! let mut catalog = Catalog::new();
//! catalog.add_ftl("nl", "length-max = mag hoogstens { $max } tekens lang zijn").unwrap();
//! catalog.add_ftl("sv", "length = har fel längd").unwrap();
//! let error = rules::length::check_count(9, None, Some(5)).unwrap_err();
//! assert_eq!(catalog.message(&catalog.negotiate("nl"), &error), "mag hoogstens 5 tekens lang zijn");
//! assert_eq!(catalog.message(&catalog.negotiate("sv-SE"), &error), "har fel längd");
//! ```
//!
//! A field's `#[customer(message = "...")]` is the same text in every language: it is the
//! field's own words, not a catalog entry. For a field whose text depends on the language, give
//! it a `#[customer(code = "...")]` of its own and that code's message in each `.ftl` file.

mod negotiate;
pub(crate) mod table;

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentMessage, FluentResource, FluentValue};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

use crate::error::{Param, RuleError, ValidationErrors, Violation};

/// The languages the crate ships, English first.
pub const LANGUAGES: &[&str] = &["en", "nl", "de", "fr", "es", "it", "pt", "pl"];

/// The catalogs the crate ships, in the order of [`LANGUAGES`].
const SOURCES: &[&str] = &[
    include_str!("../../i18n/en.ftl"),
    include_str!("../../i18n/nl.ftl"),
    include_str!("../../i18n/de.ftl"),
    include_str!("../../i18n/fr.ftl"),
    include_str!("../../i18n/es.ftl"),
    include_str!("../../i18n/it.ftl"),
    include_str!("../../i18n/pt.ftl"),
    include_str!("../../i18n/pl.ftl"),
];

/// Where each code's documentation is unless the application says otherwise: the row of the
/// code in the README's table of codes. `{code}` is replaced by the code.
pub const DEFAULT_DOC_URI: &str =
    "https://example.invalid/customer-model/blob/main/README.md#code-{code}";

type Bundle = FluentBundle<FluentResource>;

/// A language of a [`Catalog`], as negotiated or chosen: render messages with it, and send it as
/// `Content-Language`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Lang {
    tag: Cow<'static, str>,
}

impl Lang {
    /// English, the default and the last resort.
    pub const ENGLISH: Lang = Lang {
        tag: Cow::Borrowed("en"),
    };

    /// The language tag, e.g. `de` (for `Content-Language`).
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.tag
    }
}

impl Default for Lang {
    fn default() -> Self {
        Lang::ENGLISH
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.tag)
    }
}

/// A Fluent source that could not be added to a [`Catalog`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FtlError {
    what: String,
}

impl fmt::Display for FtlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.what)
    }
}

impl std::error::Error for FtlError {}

struct Language {
    id: LanguageIdentifier,
    tag: Cow<'static, str>,
    library: Option<Bundle>,
    app: Option<Bundle>,
}

impl Language {
    fn new(id: LanguageIdentifier, tag: Cow<'static, str>) -> Self {
        Language {
            id,
            tag,
            library: None,
            app: None,
        }
    }
}

fn bundle(id: &LanguageIdentifier) -> Bundle {
    let mut bundle = FluentBundle::new_concurrent(vec![id.clone()]);
    // No Unicode isolation marks around params: messages go into JSON and terminals.
    bundle.set_use_isolating(false);
    bundle
}

/// The messages of every language: the crate's catalogs, the application's own Fluent sources,
/// and where each code's documentation lives.
///
/// Build one at start-up (it parses the catalogs), then share it: it is `Send` and `Sync`.
/// [`Catalog::global`] is the one the axum integration and the command-line tool use.
pub struct Catalog {
    languages: Vec<Language>,
    doc_uri: Cow<'static, str>,
}

impl fmt::Debug for Catalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalog")
            .field(
                "languages",
                &self.languages.iter().map(|l| &l.tag).collect::<Vec<_>>(),
            )
            .field("doc_uri", &self.doc_uri)
            .finish()
    }
}

impl Default for Catalog {
    fn default() -> Self {
        Catalog::new()
    }
}

static GLOBAL: OnceLock<Catalog> = OnceLock::new();

impl Catalog {
    /// The crate's catalogs of the eight [`LANGUAGES`], documentation at [`DEFAULT_DOC_URI`].
    #[must_use]
    pub fn new() -> Self {
        let languages = LANGUAGES
            .iter()
            .zip(SOURCES)
            .map(|(tag, source)| {
                let id: LanguageIdentifier = tag.parse().unwrap_or_default();
                let mut language = Language::new(id, Cow::Borrowed(*tag));
                let mut library = bundle(&language.id);
                // The shipped sources are checked by the tests: parse and add them whole.
                let resource = FluentResource::try_new((*source).to_owned())
                    .unwrap_or_else(|(resource, _)| resource);
                let _ = library.add_resource(resource);
                language.library = Some(library);
                language
            })
            .collect();
        Catalog {
            languages,
            doc_uri: Cow::Borrowed(DEFAULT_DOC_URI),
        }
    }

    /// The catalog the application installed with [`Catalog::install`], else the crate's own.
    #[must_use]
    pub fn global() -> &'static Catalog {
        GLOBAL.get_or_init(Catalog::new)
    }

    /// Makes `self` the catalog of [`Catalog::global`], for the whole process. Call it at
    /// start-up, before the first message is rendered: once [`Catalog::global`] has been read, it
    /// stays as it is and `Err(self)` is returned.
    pub fn install(self) -> Result<(), Catalog> {
        GLOBAL.set(self)
    }

    /// Adds the application's Fluent source for the language `lang` (a BCP 47 tag such as `nl`
    /// or `sv`): its messages override the crate's of the same id, and a message whose id is a
    /// code overrides every message of that code. A language the crate does not ship is added;
    /// what its source lacks is rendered in English. A later source overrides an earlier one.
    ///
    /// `Err` when `lang` is not a language tag, the source is not valid Fluent, or a message
    /// whose id is one of the crate's (a message id or a code) reads a variable the crate never
    /// gives that message (`{ $maxx }` for `{ $max }`: Fluent would write it as `{$maxx}` into
    /// every response); nothing of the source is added then.
    pub fn add_ftl(&mut self, lang: &str, source: &str) -> Result<(), FtlError> {
        let id: LanguageIdentifier = lang.parse().map_err(|_| FtlError {
            what: format!("`{lang}` is not a language tag"),
        })?;
        let resource =
            FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| FtlError {
                what: format!(
                    "the Fluent source for `{lang}` has {} syntax error(s), the first: {}",
                    errors.len(),
                    errors
                        .first()
                        .map_or_else(String::new, |e| format!("{:?}", e.kind))
                ),
            })?;
        check_variables(lang, &resource)?;
        let at = match self.languages.iter().position(|l| l.id == id) {
            Some(at) => at,
            None => {
                let tag = Cow::Owned(id.to_string());
                self.languages.push(Language::new(id, tag));
                self.languages.len() - 1
            }
        };
        let language = &mut self.languages[at];
        let app = language.app.get_or_insert_with(|| bundle(&language.id));
        app.add_resource_overriding(resource);
        Ok(())
    }

    /// Sets where each code's documentation is: a URI in which `{code}` stands for the code
    /// (`https://api.example.com/errors/{code}`); without `{code}`, the code is appended.
    #[must_use]
    pub fn with_doc_uri(mut self, template: impl Into<Cow<'static, str>>) -> Self {
        self.doc_uri = template.into();
        self
    }

    /// The documentation URI of `code`: what a problem document's `type` and each violation's
    /// `type` say.
    #[must_use]
    pub fn doc_uri(&self, code: &str) -> String {
        if self.doc_uri.contains("{code}") {
            self.doc_uri.replace("{code}", code)
        } else {
            format!("{}{code}", self.doc_uri)
        }
    }

    /// The language tags of the catalog: the crate's eight, then the application's additions.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.languages.iter().map(|l| l.tag.as_ref())
    }

    /// The language to answer an HTTP request with, from its `Accept-Language` header: the
    /// languages it names by decreasing quality value (`q=0` refused), each matched exactly or
    /// by its language alone (`de-CH` gets `de`); English when none matches.
    #[must_use]
    pub fn negotiate(&self, accept_language: &str) -> Lang {
        let available: Vec<&LanguageIdentifier> = self.languages.iter().map(|l| &l.id).collect();
        negotiate::best(accept_language, &available).map_or(Lang::ENGLISH, |at| self.lang_at(at))
    }

    /// The language the user asked for by name (`--lang de-CH`), matched as
    /// [`Catalog::negotiate`] does; `None` when the catalog has no such language.
    #[must_use]
    pub fn choose(&self, tag: &str) -> Option<Lang> {
        let available: Vec<&LanguageIdentifier> = self.languages.iter().map(|l| &l.id).collect();
        negotiate::best(tag, &available).map(|at| self.lang_at(at))
    }

    fn lang_at(&self, at: usize) -> Lang {
        Lang {
            tag: self.languages[at].tag.clone(),
        }
    }

    fn language(&self, lang: &Lang) -> Option<&Language> {
        self.languages.iter().find(|l| l.tag == lang.tag)
    }

    /// The languages to try for `lang`: itself, then English.
    fn chain<'c>(&'c self, lang: &Lang) -> impl Iterator<Item = &'c Language> {
        let first = self.language(lang);
        let english = self.language(&Lang::ENGLISH);
        let english = english.filter(|e| first.is_none_or(|f| !std::ptr::eq(*e, f)));
        first.into_iter().chain(english)
    }

    /// The message of `error` in `lang`, its params filled in.
    ///
    /// A message of the crate is looked up in the application's source (by its id, then by its
    /// code), then in the crate's catalog; in `lang`, then in English. A text of the
    /// application (a field's `message = "..."`, a custom rule's) is kept as written, unless its
    /// code is the application's own and has a message in the application's source.
    #[must_use]
    pub fn message<'e>(&self, lang: &Lang, error: &'e RuleError) -> Cow<'e, str> {
        let code = error.code();
        let id = table::id_of(error.template());
        let own_code = !crate::codes::ALL.contains(&code);
        for language in self.chain(lang) {
            let app = language.app.as_ref();
            let found = match id {
                Some(id) => find(app, id)
                    .or_else(|| find(app, code))
                    .or_else(|| find(language.library.as_ref(), id)),
                None if own_code => find(app, code),
                None => None,
            };
            if let Some((bundle, message)) = found {
                return Cow::Owned(format_with(bundle, &message, error.params()));
            }
        }
        error.message()
    }

    /// A text of the catalog by its id (the problem documents' titles and details, the
    /// command-line tool's own texts), in `lang` or else English; the id itself when neither has
    /// it.
    #[must_use]
    pub fn text(&self, lang: &Lang, id: &str, params: &[(&str, Param)]) -> String {
        for language in self.chain(lang) {
            let found =
                find(language.app.as_ref(), id).or_else(|| find(language.library.as_ref(), id));
            if let Some((bundle, message)) = found {
                return format_with(bundle, &message, params.iter().map(|(k, v)| (*k, v)));
            }
        }
        id.to_owned()
    }

    /// `errors` in `lang`: `Display` writes one violation a line, `{pointer}: {message}`;
    /// `Serialize` a list of `{pointer, code, message, type}`, `type` the code's documentation
    /// URI.
    #[must_use]
    pub fn localize<'a>(&'a self, errors: &'a ValidationErrors, lang: &'a Lang) -> Localized<'a> {
        Localized {
            catalog: self,
            errors,
            lang,
        }
    }

    /// One violation in `lang`, as [`Catalog::localize`] writes it.
    #[must_use]
    pub fn violation<'a>(
        &'a self,
        violation: &'a Violation,
        lang: &'a Lang,
    ) -> LocalizedViolation<'a> {
        LocalizedViolation {
            catalog: self,
            violation,
            lang,
        }
    }
}

/// Refuses an application's message of one of the crate's ids that reads a variable the crate
/// never passes to it (its own codes' messages are the application's business).
fn check_variables(lang: &str, resource: &FluentResource) -> Result<(), FtlError> {
    for entry in resource.entries() {
        let ast::Entry::Message(message) = entry else {
            continue;
        };
        let Some(value) = &message.value else {
            continue;
        };
        let id = message.id.name;
        let Some(known) = known_variables(id) else {
            continue;
        };
        let mut read = Vec::new();
        pattern_variables(value, &mut read);
        if let Some(unknown) = read.into_iter().find(|v| !known.iter().any(|k| k == v)) {
            let given = if known.is_empty() {
                "none".to_owned()
            } else {
                known
                    .iter()
                    .map(|k| format!("`{{ ${k} }}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            return Err(FtlError {
                what: format!("the message `{id}` of the Fluent source for `{lang}` reads `{{ ${unknown} }}`, which the crate never gives it (it gives {given})"),
            });
        }
    }
    Ok(())
}

/// The variables the crate gives the message `id` (a message id of its catalogs or a code, whose
/// message stands for each of the code's): what its own catalogs and English templates read.
/// `None` when `id` is not the crate's.
fn known_variables(id: &str) -> Option<Vec<String>> {
    static KNOWN: OnceLock<Vec<(String, Vec<String>)>> = OnceLock::new();
    let known = KNOWN.get_or_init(|| {
        let mut known: Vec<(String, Vec<String>)> = Vec::new();
        let mut add = |id: &str, variable: Option<&str>| {
            let at = known.iter().position(|(k, _)| k == id).unwrap_or_else(|| {
                known.push((id.to_owned(), Vec::new()));
                known.len() - 1
            });
            if let Some(variable) = variable {
                if !known[at].1.iter().any(|v| v == variable) {
                    known[at].1.push(variable.to_owned());
                }
            }
        };
        for (id, code, template) in table::MESSAGES {
            for id in [*id, *code] {
                add(id, None);
                for variable in template_variables(template) {
                    add(id, Some(variable));
                }
            }
        }
        for source in SOURCES {
            let Ok(resource) = FluentResource::try_new((*source).to_owned()) else {
                continue;
            };
            for entry in resource.entries() {
                let ast::Entry::Message(message) = entry else {
                    continue;
                };
                let id = message.id.name;
                let code = table::MESSAGES
                    .iter()
                    .find(|(m, _, _)| *m == id)
                    .map(|(_, code, _)| *code);
                let mut read = Vec::new();
                if let Some(value) = &message.value {
                    pattern_variables(value, &mut read);
                }
                for owner in std::iter::once(id).chain(code) {
                    add(owner, None);
                    for variable in &read {
                        add(owner, Some(variable));
                    }
                }
            }
        }
        for code in crate::codes::ALL {
            add(code, None);
        }
        known
    });
    known
        .iter()
        .find(|(k, _)| k == id)
        .map(|(_, variables)| variables.clone())
}

/// The `{name}` placeholders of an English template (`{key, value}` is text, not a param).
fn template_variables(template: &str) -> impl Iterator<Item = &str> {
    template.split('{').skip(1).filter_map(|rest| {
        let name = rest.split('}').next()?;
        (rest.contains('}')
            && !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'))
        .then_some(name)
    })
}

/// Every `$variable` a pattern reads, in selectors, variants and function arguments too.
fn pattern_variables<'s>(pattern: &ast::Pattern<&'s str>, out: &mut Vec<&'s str>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables<'s>(expression: &ast::Expression<&'s str>, out: &mut Vec<&'s str>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables<'s>(inline: &ast::InlineExpression<&'s str>, out: &mut Vec<&'s str>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => out.push(id.name),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
            for argument in &arguments.named {
                inline_variables(&argument.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

fn find<'b>(bundle: Option<&'b Bundle>, id: &str) -> Option<(&'b Bundle, FluentMessage<'b>)> {
    let bundle = bundle?;
    let message = bundle.get_message(id)?;
    message.value()?;
    Some((bundle, message))
}

fn format_with<'p>(
    bundle: &Bundle,
    message: &FluentMessage<'_>,
    params: impl Iterator<Item = (&'p str, &'p Param)>,
) -> String {
    let Some(pattern) = message.value() else {
        return String::new();
    };
    let mut args = FluentArgs::new();
    for (name, value) in params {
        let value: FluentValue<'_> = match value {
            Param::UInt(v) => FluentValue::from(*v),
            Param::Int(v) => FluentValue::from(*v),
            Param::Float(v) => FluentValue::from(*v),
            Param::Str(v) => FluentValue::from(v.as_ref()),
        };
        args.set(name, value);
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&args), &mut errors)
        .into_owned()
}

/// A report in one language: see [`Catalog::localize`].
#[derive(Clone, Copy)]
pub struct Localized<'a> {
    catalog: &'a Catalog,
    errors: &'a ValidationErrors,
    lang: &'a Lang,
}

impl fmt::Display for Localized<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, violation) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            fmt::Display::fmt(&self.catalog.violation(violation, self.lang), f)?;
        }
        Ok(())
    }
}

impl serde::Serialize for Localized<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.errors
                .iter()
                .map(|violation| self.catalog.violation(violation, self.lang)),
        )
    }
}

/// One violation in one language: see [`Catalog::violation`].
#[derive(Clone, Copy)]
pub struct LocalizedViolation<'a> {
    catalog: &'a Catalog,
    violation: &'a Violation,
    lang: &'a Lang,
}

impl LocalizedViolation<'_> {
    /// The message in the chosen language.
    #[must_use]
    pub fn message(&self) -> Cow<'_, str> {
        self.catalog.message(self.lang, self.violation.rule_error())
    }

    /// The documentation URI of the violation's code.
    #[must_use]
    pub fn doc_uri(&self) -> String {
        self.catalog.doc_uri(self.violation.code())
    }
}

impl fmt::Display for LocalizedViolation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.violation.pointer(), self.message())
    }
}

impl serde::Serialize for LocalizedViolation<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut s = serializer.serialize_struct("Violation", 4)?;
        s.serialize_field("pointer", self.violation.pointer())?;
        s.serialize_field("code", self.violation.code())?;
        s.serialize_field("message", &self.message())?;
        s.serialize_field("type", &self.doc_uri())?;
        s.end()
    }
}

#[cfg(test)]
mod tests;
