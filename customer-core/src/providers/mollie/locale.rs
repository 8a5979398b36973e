//! Mollie's locales: the closed request enum [`Locale`], the open response enum
//! [`LocaleResponse`], their BCP 47 forms, and the rules and conversions of the models' locale
//! fields.

use serde::{Deserialize, Serialize};

use crate::{CustomerModel, RuleError};

/// Declares Mollie's locales once: the closed request enum, the open response enum, the list
/// of request locales and the conversion between the two enums.
macro_rules! mollie_locales {
    ($($variant:ident = $code:literal,)*) => {
        /// A locale Mollie accepts in requests: the 22 `ll_CC` values of the seed and the 9 that
        /// Mollie's current OpenAPI document adds (`cs_CZ`, `de_LU`, `el_GR`, `en_BE`, `en_NL`,
        /// `fr_LU`, `sk_SK`, `sl_SI`, `tr_TR`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, CustomerModel)]
        pub enum Locale {
            $(
                #[doc = concat!("`", $code, "`")]
                #[serde(rename = $code)]
                $variant,
            )*
        }

        /// A locale in Mollie's responses: the values of [`Locale`], and any other value of the
        /// same `ll_CC` shape kept as it was sent (a locale Mollie added since). The shape is
        /// checked where a response is validated.
        #[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, CustomerModel)]
        pub enum LocaleResponse {
            $(
                #[doc = concat!("`", $code, "`")]
                #[serde(rename = $code)]
                $variant,
            )*
            /// Any other value, kept as Mollie sent it.
            #[customer(other)]
            #[serde(untagged)]
            Other(String),
        }

        /// Mollie's request locales.
        const LOCALES: &[Locale] = &[$(Locale::$variant,)*];

        /// Every request locale, comma-separated, for messages.
        const LOCALE_LIST: &str = concat_list!($($code)*);

        impl From<Locale> for LocaleResponse {
            fn from(locale: Locale) -> Self {
                match locale {
                    $(Locale::$variant => LocaleResponse::$variant,)*
                }
            }
        }
    };
}

/// `"a, b, c"` from string literals.
macro_rules! concat_list {
    ($first:literal $($rest:literal)*) => {
        concat!($first $(, ", ", $rest)*)
    };
}

mollie_locales! {
    EnUs = "en_US",
    EnGb = "en_GB",
    NlNl = "nl_NL",
    NlBe = "nl_BE",
    DeDe = "de_DE",
    DeAt = "de_AT",
    DeCh = "de_CH",
    FrFr = "fr_FR",
    FrBe = "fr_BE",
    EsEs = "es_ES",
    CaEs = "ca_ES",
    PtPt = "pt_PT",
    ItIt = "it_IT",
    NbNo = "nb_NO",
    SvSe = "sv_SE",
    FiFi = "fi_FI",
    DaDk = "da_DK",
    IsIs = "is_IS",
    HuHu = "hu_HU",
    PlPl = "pl_PL",
    LvLv = "lv_LV",
    LtLt = "lt_LT",
    CsCz = "cs_CZ",
    DeLu = "de_LU",
    ElGr = "el_GR",
    EnBe = "en_BE",
    EnNl = "en_NL",
    FrLu = "fr_LU",
    SkSk = "sk_SK",
    SlSi = "sl_SI",
    TrTr = "tr_TR",
}

/// `nl_NL` → `nl-NL`.
fn to_bcp47(code: &str) -> String {
    code.replace('_', "-")
}

/// `true` when `tag` (BCP 47) and `code` (`ll_CC`) name the same locale, ignoring case.
fn same_locale(tag: &str, code: &str) -> bool {
    tag.len() == code.len()
        && tag
            .bytes()
            .zip(code.bytes())
            .all(|(t, c)| t.eq_ignore_ascii_case(&c) || (t == b'-' && c == b'_'))
}

impl Locale {
    /// The BCP 47 form, e.g. `nl-NL` for Mollie's `nl_NL`.
    #[must_use]
    pub fn to_bcp47(self) -> String {
        to_bcp47(self.as_str())
    }

    /// The request locale of a BCP 47 tag (`nl-NL`, compared ignoring case), if Mollie has one.
    /// A tag without a region (`nl`) has none: it could be `nl_NL` or `nl_BE`.
    #[must_use]
    pub fn from_bcp47(tag: &str) -> Option<Locale> {
        LOCALES
            .iter()
            .copied()
            .find(|locale| same_locale(tag, locale.as_str()))
    }
}

impl LocaleResponse {
    /// The BCP 47 form: `nl_NL` → `nl-NL`; any other value with `_` replaced by `-`.
    #[must_use]
    pub fn to_bcp47(&self) -> String {
        to_bcp47(self.as_str())
    }
}

/// A response locale of a value Mollie does not list (yet) must still have Mollie's shape:
/// two lowercase letters, `_`, two uppercase letters (`xx_YY`).
pub(super) fn response_locale(locale: &LocaleResponse) -> Result<(), RuleError> {
    match locale {
        LocaleResponse::Other(code) if !is_ll_cc(code) => Err(RuleError::new(
            crate::codes::LOCALE,
            "must be a Mollie locale of the form `ll_CC`, such as `en_US` or `nl_NL`",
        )),
        _ => Ok(()),
    }
}

/// `true` for two lowercase ASCII letters, `_`, two uppercase ASCII letters.
fn is_ll_cc(code: &str) -> bool {
    matches!(
        code.as_bytes(),
        [a, b, b'_', c, d]
            if a.is_ascii_lowercase()
                && b.is_ascii_lowercase()
                && c.is_ascii_uppercase()
                && d.is_ascii_uppercase()
    )
}

/// A request locale → its BCP 47 form.
pub(super) fn request_locale(locale: Option<Locale>) -> Option<String> {
    locale.map(Locale::to_bcp47)
}

pub(super) fn locale_error() -> RuleError {
    RuleError::new(
        crate::codes::LOCALE,
        "is not a locale Mollie lists; Mollie takes one of {allowed} (BCP 47 `nl-NL` is Mollie's `nl_NL`)",
    )
    .with_param(
        "allowed",
        crate::Param::Str(std::borrow::Cow::Borrowed(LOCALE_LIST)),
    )
}
