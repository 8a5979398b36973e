//! Signed webhooks (feature `webhooks`): check a provider's signature on the raw body, then read
//! the event and the customer it carries.
//!
//! ```
//! use std::time::{Duration, SystemTime, UNIX_EPOCH};
//! use customer_core::providers::Api;
//! use customer_core::webhooks::Verifier;
//!
//! // A vector of Paddle's Node SDK (src/__tests__/notifications/webhooks-validator.node.test.ts).
//! let verifier = Verifier::new(Api::Paddle, "VALID_SECRET");
//! let header = "ts=1698796800;h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9";
//! let body = br#"{"data": ["1", "2"]}"#;
//! let now = UNIX_EPOCH + Duration::from_secs(1_698_796_803);
//! assert!(verifier.verify_at(header, body, now).is_ok());
//! // One byte more (a space) and the signature no longer holds.
//! assert!(verifier.verify_at(header, br#"{"data": ["1", "2"] }"#, now).is_err());
//! // Paddle's SDKs allow 5 seconds; a minute later the same delivery is a replay.
//! assert!(verifier.verify_at(header, body, now + Duration::from_secs(60)).is_err());
//! ```
//!
//! # The schemes
//!
//! | provider | header | signed bytes | signature | default window |
//! | --- | --- | --- | --- | --- |
//! | Stripe | `Stripe-Signature: t=…,v1=…[,v1=…][,v0=…]` | `t` `.` body | HMAC-SHA256, hex; keyed with the whole `whsec_…` secret; any `v1` may match, `v0` and other schemes are ignored | 300 s |
//! | Paddle | `Paddle-Signature: ts=…;h1=…[;h1=…]` | `ts` `:` body | HMAC-SHA256, hex, keyed with the whole `pdl_ntfset_…` secret; any `h1` may match | 5 s |
//! | Mollie (next-gen webhooks) | `X-Mollie-Signature: [sha256=]…` | the body | HMAC-SHA256, hex | none: no timestamp is signed |
//! | Tazapay | `signature: …` | the body's `id`, the body, the body's top-level `created_at` | HMAC-SHA256, Base64 | 300 s, from `created_at` |
//!
//! Every comparison is in constant time ([`hmac::Mac::verify_slice`]); a window is checked both
//! ways (a timestamp too far in the past is [`WebhookError::Stale`], too far in the future
//! [`WebhookError::Future`]); [`Verifier::secret`] adds a secret, any of which may sign (for
//! rotation). The body is never parsed before its signature holds, except for Tazapay, whose
//! signed bytes include two values of the body (they are read, not trusted, until the signature
//! holds).
//!
//! Mollie's classic webhooks are not signed: they `POST` only `id=tr_…` (form-encoded), and
//! nothing in them may be trusted. Answer them with a 200 and fetch the object by that id from
//! Mollie's API with your API key: what the API answers is the truth, the webhook only says
//! when to look. [`Verifier`] refuses a Mollie delivery without `X-Mollie-Signature`
//! ([`WebhookError::MissingSignature`]).
//!
//! # Then decoded
//!
//! [`Verifier::receive`] takes the request's headers and raw body and gives the [`Event`] (its
//! id, type, time and the customer it carries, checked by the API's rules with every violation
//! in one report) only once the signature holds. Under the `axum` feature,
//! [`crate::axum::Webhook`] is the extractor for it.
//!
//! No error, `Display` or `Debug` of this module holds a secret, a signature or a byte of the
//! body.

mod event;
mod time;

use std::fmt;
use std::time::{Duration, SystemTime};

use base64::Engine as _;
use hmac::digest::CtOutput;
use hmac::Mac as _;

use crate::providers::Api;

pub use event::{Event, Rejected};

type HmacSha256 = hmac::Hmac<sha2::Sha256>;

/// A provider's signing scheme. [`Verifier::new`] picks the scheme of an [`Api`];
/// [`Verifier::with_scheme`] names one directly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Scheme {
    /// `Stripe-Signature: t=…,v1=…`.
    Stripe,
    /// `Paddle-Signature: ts=…;h1=…`.
    Paddle,
    /// `X-Mollie-Signature: sha256=…` (next-gen webhooks).
    Mollie,
    /// `signature: …` (Base64).
    Tazapay,
}

impl Scheme {
    /// The scheme of an API's webhooks; `None` for an API without signed webhooks (Legit).
    #[must_use]
    pub const fn of(api: Api) -> Option<Scheme> {
        match api {
            Api::Paddle => Some(Scheme::Paddle),
            Api::Mollie => Some(Scheme::Mollie),
            Api::Tazapay => Some(Scheme::Tazapay),
            Api::Stripe => Some(Scheme::Stripe),
            Api::Legit => None,
        }
    }

    /// The header that carries the signature, as the provider writes it.
    #[must_use]
    pub const fn header(self) -> &'static str {
        match self {
            Scheme::Stripe => "Stripe-Signature",
            Scheme::Paddle => "Paddle-Signature",
            Scheme::Mollie => "X-Mollie-Signature",
            Scheme::Tazapay => "signature",
        }
    }

    /// The window a timestamp must be in unless [`Verifier::tolerance`] says otherwise: Stripe's
    /// SDKs' 300 s, Paddle's SDKs' 5 s, 300 s for Tazapay (which documents none), none for Mollie
    /// (nothing to check it on).
    #[must_use]
    pub const fn default_tolerance(self) -> Duration {
        match self {
            Scheme::Stripe | Scheme::Tazapay => Duration::from_secs(300),
            Scheme::Paddle => Duration::from_secs(5),
            Scheme::Mollie => Duration::ZERO,
        }
    }

    /// The provider's name (`stripe`, `paddle`, `mollie`, `tazapay`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Scheme::Stripe => "stripe",
            Scheme::Paddle => "paddle",
            Scheme::Mollie => "mollie",
            Scheme::Tazapay => "tazapay",
        }
    }

    /// The API whose customers this provider's events carry, where it is one.
    #[must_use]
    pub const fn api(self) -> Option<Api> {
        match self {
            Scheme::Stripe => Some(Api::Stripe),
            Scheme::Paddle => Some(Api::Paddle),
            Scheme::Mollie => Some(Api::Mollie),
            Scheme::Tazapay => Some(Api::Tazapay),
        }
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a webhook delivery was refused. Nothing here holds or prints a secret, a signature or a
/// byte of the body.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum WebhookError {
    /// The signature header is absent or empty.
    MissingSignature {
        /// The header's name.
        header: &'static str,
    },
    /// The signature header cannot be read; `reason` says what is wrong with it, in words.
    MalformedHeader {
        /// The header's name.
        header: &'static str,
        /// What is wrong, without quoting the header.
        reason: &'static str,
    },
    /// No signature in the header is the body's, under any of the secrets.
    NoMatchingSignature,
    /// The signed timestamp is further in the past than the window allows.
    Stale {
        /// How old it is, in whole seconds.
        age_secs: u64,
        /// The window, in whole seconds.
        tolerance_secs: u64,
    },
    /// The signed timestamp is further in the future than the window allows.
    Future {
        /// How far ahead it is, in whole seconds.
        ahead_secs: u64,
        /// The window, in whole seconds.
        tolerance_secs: u64,
    },
    /// The body lacks what the scheme signs (Tazapay: a top-level `id` and `created_at`), or,
    /// once the signature holds, is not an event of the provider; `reason` says what is missing.
    MalformedBody {
        /// What is wrong, without quoting the body.
        reason: &'static str,
    },
    /// The verifier has no secret, or only empty ones.
    NoSecret,
    /// This API sends no signed webhooks.
    Unsupported {
        /// The API's name.
        api: &'static str,
    },
}

impl WebhookError {
    /// `true` when the delivery cannot be trusted as the provider's (every variant but the
    /// configuration errors [`WebhookError::NoSecret`] and [`WebhookError::Unsupported`]): the
    /// answer to such a delivery is 401.
    #[must_use]
    pub fn is_unauthenticated(&self) -> bool {
        !matches!(
            self,
            WebhookError::NoSecret | WebhookError::Unsupported { .. }
        )
    }
}

impl fmt::Display for WebhookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WebhookError::MissingSignature { header } => {
                write!(f, "the `{header}` header is missing or empty")
            }
            WebhookError::MalformedHeader { header, reason } => {
                write!(f, "the `{header}` header cannot be read: {reason}")
            }
            WebhookError::NoMatchingSignature => {
                f.write_str("no signature in the header matches the body under the secrets given")
            }
            WebhookError::Stale {
                age_secs,
                tolerance_secs,
            } => write!(
                f,
                "the signed timestamp is {age_secs} s old, more than the {tolerance_secs} s allowed"
            ),
            WebhookError::Future {
                ahead_secs,
                tolerance_secs,
            } => write!(
                f,
                "the signed timestamp is {ahead_secs} s ahead, more than the {tolerance_secs} s \
                 allowed"
            ),
            WebhookError::MalformedBody { reason } => {
                write!(f, "the body is not a signed event: {reason}")
            }
            WebhookError::NoSecret => f.write_str("no webhook secret is configured"),
            WebhookError::Unsupported { api } => write!(f, "{api} sends no signed webhooks"),
        }
    }
}

impl std::error::Error for WebhookError {}

/// A secret, kept out of `Debug`.
#[derive(Clone)]
struct Secret(Vec<u8>);

/// Checks the signatures of one provider's webhook deliveries.
///
/// `Debug` shows the scheme, the window and how many secrets there are, never a secret.
#[derive(Clone)]
pub struct Verifier {
    scheme: Option<Scheme>,
    api: Option<Api>,
    secrets: Vec<Secret>,
    tolerance: Duration,
}

impl fmt::Debug for Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verifier")
            .field("scheme", &self.scheme)
            .field("secrets", &self.secrets.len())
            .field("tolerance", &self.tolerance)
            .finish()
    }
}

impl Verifier {
    /// A verifier of `api`'s webhooks signed with `secret` (as the provider's dashboard shows it,
    /// prefix included: `whsec_…`, `pdl_ntfset_…`). An API without signed webhooks (Legit) gives
    /// a verifier that refuses every delivery with [`WebhookError::Unsupported`].
    #[must_use]
    pub fn new(api: Api, secret: impl AsRef<[u8]>) -> Verifier {
        let mut verifier = match Scheme::of(api) {
            Some(scheme) => Verifier::with_scheme(scheme, secret),
            None => Verifier {
                scheme: None,
                api: None,
                secrets: vec![Secret(secret.as_ref().to_vec())],
                tolerance: Duration::ZERO,
            },
        };
        verifier.api = Some(api);
        verifier
    }

    /// A verifier of `scheme`'s signatures made with `secret`.
    #[must_use]
    pub fn with_scheme(scheme: Scheme, secret: impl AsRef<[u8]>) -> Verifier {
        Verifier {
            scheme: Some(scheme),
            api: scheme.api(),
            secrets: vec![Secret(secret.as_ref().to_vec())],
            tolerance: scheme.default_tolerance(),
        }
    }

    /// Adds a secret: a delivery passes when any secret signs it (rotation: the old and the new
    /// secret for as long as both may sign).
    #[must_use]
    pub fn secret(mut self, secret: impl AsRef<[u8]>) -> Verifier {
        self.secrets.push(Secret(secret.as_ref().to_vec()));
        self
    }

    /// The window a signed timestamp must be in, both ways around the time of checking (see
    /// [`Scheme::default_tolerance`]), in whole seconds (a fraction of a second is dropped):
    /// timestamps are signed in whole seconds, so an age is counted in whole seconds too, and
    /// `Duration::ZERO` accepts a delivery checked in the second it was signed and refuses one a
    /// second later. Mollie signs no timestamp: there it changes nothing.
    #[must_use]
    pub fn tolerance(mut self, tolerance: Duration) -> Verifier {
        self.tolerance = tolerance;
        self
    }

    /// The scheme, `None` for an API without signed webhooks.
    #[must_use]
    pub fn scheme(&self) -> Option<Scheme> {
        self.scheme
    }

    /// The name of the header that carries the signature (`""` for an API without signed
    /// webhooks).
    #[must_use]
    pub fn header_name(&self) -> &'static str {
        self.scheme.map_or("", Scheme::header)
    }

    /// Checks `header_value` (the value of [`Verifier::header_name`]) against the raw `body`,
    /// with `now` as the time of checking. `Ok` only when a signature in the header is the
    /// body's under one of the secrets and its timestamp is within the window.
    pub fn verify_at(
        &self,
        header_value: &str,
        body: &[u8],
        now: SystemTime,
    ) -> Result<(), WebhookError> {
        let Some(scheme) = self.scheme else {
            return Err(WebhookError::Unsupported {
                api: self.api.map_or("this API", Api::as_str),
            });
        };
        if self.secrets.iter().all(|s| s.0.is_empty()) {
            return Err(WebhookError::NoSecret);
        }
        let header = scheme.header();
        if header_value.trim().is_empty() {
            return Err(WebhookError::MissingSignature { header });
        }
        let signed_at = match scheme {
            Scheme::Stripe => self.timestamped(header_value, body, ',', "t", "v1", b'.')?,
            Scheme::Paddle => self.timestamped(header_value, body, ';', "ts", "h1", b':')?,
            Scheme::Mollie => {
                self.mollie(header_value, body)?;
                None
            }
            Scheme::Tazapay => Some(self.tazapay(header_value, body)?),
        };
        match signed_at {
            Some(at) => self.within_window(at, now),
            None => Ok(()),
        }
    }

    /// [`Verifier::verify_at`] at the system clock's now.
    pub fn verify(&self, header_value: &str, body: &[u8]) -> Result<(), WebhookError> {
        self.verify_at(header_value, body, SystemTime::now())
    }

    /// The header value the provider would send for `body` at `timestamp`, signed with the first
    /// secret: for tests of a receiver (as Stripe's `generateTestHeaderString`). Tazapay signs
    /// the body's own `created_at` and ignores `timestamp`.
    pub fn sign(&self, body: &[u8], timestamp: SystemTime) -> Result<String, WebhookError> {
        let Some(scheme) = self.scheme else {
            return Err(WebhookError::Unsupported {
                api: self.api.map_or("this API", Api::as_str),
            });
        };
        let secret = self
            .secrets
            .iter()
            .find(|s| !s.0.is_empty())
            .ok_or(WebhookError::NoSecret)?;
        let seconds = timestamp
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let ts = seconds.to_string();
        Ok(match scheme {
            Scheme::Stripe => format!(
                "t={ts},v1={}",
                hex(&mac(secret, &[ts.as_bytes(), b".", body]))
            ),
            Scheme::Paddle => format!(
                "ts={ts};h1={}",
                hex(&mac(secret, &[ts.as_bytes(), b":", body]))
            ),
            Scheme::Mollie => format!("sha256={}", hex(&mac(secret, &[body]))),
            Scheme::Tazapay => {
                let (id, created_at) = tazapay_fields(body)?;
                base64::engine::general_purpose::STANDARD
                    .encode(mac(secret, &[id.as_bytes(), body, created_at.as_bytes()]))
            }
        })
    }

    /// The MAC of `parts` (concatenated) under each non-empty secret. Computed once per header,
    /// however many signatures it carries: each signature is then one constant-time comparison
    /// against these, so a header of thousands of signatures costs the body's hashing once, not
    /// once per signature.
    fn expected(&self, parts: &[&[u8]]) -> Vec<CtOutput<HmacSha256>> {
        self.secrets
            .iter()
            .filter(|s| !s.0.is_empty())
            .map(|secret| {
                let mut mac = keyed(secret);
                for part in parts {
                    mac.update(part);
                }
                mac.finalize()
            })
            .collect()
    }

    /// Stripe's and Paddle's headers: `key=value` items split by `separator`, one timestamp
    /// under `ts_key`, signatures in hex under `sig_key` (other keys, and signatures that are not
    /// 32 bytes of hex, are ignored, as the providers' SDKs do); the signed bytes are the
    /// timestamp, `joiner` and the body.
    fn timestamped(
        &self,
        header_value: &str,
        body: &[u8],
        separator: char,
        ts_key: &str,
        sig_key: &str,
        joiner: u8,
    ) -> Result<Option<SystemTime>, WebhookError> {
        let header = self.header_name();
        let malformed = |reason| WebhookError::MalformedHeader { header, reason };
        let mut timestamp: Option<&str> = None;
        let mut signatures: Vec<[u8; 32]> = Vec::new();
        let mut any_signature = false;
        for item in header_value.split(separator) {
            let item = item.trim();
            if item.is_empty() {
                continue;
            }
            let Some((key, value)) = item.split_once('=') else {
                return Err(malformed("an item is not `key=value`"));
            };
            if key == ts_key {
                if timestamp.replace(value).is_some() {
                    return Err(malformed("it has more than one timestamp"));
                }
            } else if key == sig_key {
                any_signature = true;
                if let Some(signature) = unhex32(value) {
                    signatures.push(signature);
                }
            }
        }
        let Some(timestamp) = timestamp else {
            return Err(malformed("it has no timestamp"));
        };
        let Some(signed_at) = time::unix_seconds(timestamp) else {
            return Err(malformed("its timestamp is not a number of seconds"));
        };
        if !any_signature {
            // Stripe's SDKs: "No signatures found with expected scheme" (a `v0` alone, say).
            return Err(WebhookError::NoMatchingSignature);
        }
        let ok = !signatures.is_empty() && {
            let expected = self.expected(&[timestamp.as_bytes(), &[joiner], body]);
            signatures
                .iter()
                .any(|signature| matches(&expected, signature))
        };
        if ok {
            Ok(Some(signed_at))
        } else {
            Err(WebhookError::NoMatchingSignature)
        }
    }

    /// Mollie's header: the hex signature, with or without `sha256=`; several may be given,
    /// separated by commas (as several header values are joined).
    fn mollie(&self, header_value: &str, body: &[u8]) -> Result<(), WebhookError> {
        let mut signatures = header_value
            .split(',')
            .map(|item| {
                let item = item.trim();
                item.strip_prefix("sha256=").unwrap_or(item)
            })
            .filter_map(unhex32)
            .peekable();
        let ok = signatures.peek().is_some() && {
            let expected = self.expected(&[body]);
            signatures.any(|signature| matches(&expected, &signature))
        };
        if ok {
            Ok(())
        } else {
            Err(WebhookError::NoMatchingSignature)
        }
    }

    /// Tazapay's header: the Base64 signature of the body's `id`, the body and the body's
    /// top-level `created_at`; the window is checked on that `created_at`.
    fn tazapay(&self, header_value: &str, body: &[u8]) -> Result<SystemTime, WebhookError> {
        let (id, created_at) = tazapay_fields(body)?;
        let expected = self.expected(&[id.as_bytes(), body, created_at.as_bytes()]);
        let ok = header_value
            .split(',')
            .filter_map(|item| {
                let item = item.trim();
                // 32 bytes are 44 Base64 characters: longer items are not decoded.
                if item.len() > 44 {
                    return None;
                }
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(item)
                    .ok()?;
                <[u8; 32]>::try_from(bytes.as_slice()).ok()
            })
            .any(|signature| matches(&expected, &signature));
        if !ok {
            return Err(WebhookError::NoMatchingSignature);
        }
        time::rfc3339(&created_at).ok_or(WebhookError::MalformedBody {
            reason: "its `created_at` is not an RFC 3339 date-time",
        })
    }

    /// Ages are counted in whole seconds, as the providers sign timestamps and as the error
    /// reports them: a delivery checked in the second it was signed is 0 s old and passes a zero
    /// tolerance, and one reported "300 s old" is never refused by a 300 s window.
    fn within_window(&self, signed_at: SystemTime, now: SystemTime) -> Result<(), WebhookError> {
        let tolerance_secs = self.tolerance.as_secs();
        match now.duration_since(signed_at) {
            Ok(age) if age.as_secs() > tolerance_secs => Err(WebhookError::Stale {
                age_secs: age.as_secs(),
                tolerance_secs,
            }),
            Ok(_) => Ok(()),
            Err(ahead) if ahead.duration().as_secs() > tolerance_secs => {
                Err(WebhookError::Future {
                    ahead_secs: ahead.duration().as_secs(),
                    tolerance_secs,
                })
            }
            Err(_) => Ok(()),
        }
    }
}

/// Tazapay's signed values: the body's top-level `id` and `created_at`, as their JSON strings
/// hold them.
fn tazapay_fields(body: &[u8]) -> Result<(String, String), WebhookError> {
    #[derive(serde::Deserialize)]
    struct Signed {
        id: String,
        created_at: String,
    }
    serde_json::from_slice::<Signed>(body)
        .map(|signed| (signed.id, signed.created_at))
        .map_err(|_| WebhookError::MalformedBody {
            reason: "Tazapay signs the top-level `id` and `created_at` strings of a JSON object",
        })
}

/// `true` when `signature` is one of the `expected` MACs, each compared in constant time.
fn matches(expected: &[CtOutput<HmacSha256>], signature: &[u8; 32]) -> bool {
    let signature = CtOutput::<HmacSha256>::new((*signature).into());
    // `CtOutput`'s `==` is constant-time.
    expected.contains(&signature)
}

fn keyed(secret: &Secret) -> HmacSha256 {
    // HMAC takes a key of any length; this cannot fail.
    <HmacSha256 as hmac::KeyInit>::new_from_slice(&secret.0).unwrap_or_else(|_| unreachable!())
}

fn mac(secret: &Secret, parts: &[&[u8]]) -> Vec<u8> {
    let mut mac = keyed(secret);
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().to_vec()
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    out
}

/// 64 hex digits (either case) as 32 bytes; `None` for anything else.
fn unhex32(text: &str) -> Option<[u8; 32]> {
    let text = text.as_bytes();
    if text.len() != 64 {
        return None;
    }
    let nibble = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    };
    let mut out = [0u8; 32];
    for (byte, pair) in out.iter_mut().zip(text.chunks_exact(2)) {
        *byte = nibble(pair[0])? << 4 | nibble(pair[1])?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips() {
        let bytes: Vec<u8> = (0..32).map(|i| i * 7).collect();
        assert_eq!(
            unhex32(&hex(&bytes)).map(|b| b.to_vec()),
            Some(bytes.clone())
        );
        assert_eq!(
            unhex32(&hex(&bytes).to_uppercase()).map(|b| b.to_vec()),
            Some(bytes)
        );
        assert_eq!(unhex32("dummy"), None);
        assert_eq!(unhex32(&"g".repeat(64)), None);
        assert_eq!(unhex32(&"é".repeat(32)), None);
    }

    #[test]
    fn debug_shows_no_secret() {
        let verifier = Verifier::new(Api::Paddle, "pdl_ntfset_SECRETVALUE").secret("whsec_OTHER");
        let debug = format!("{verifier:?}");
        assert!(
            !debug.contains("SECRETVALUE") && !debug.contains("OTHER"),
            "{debug}"
        );
        assert!(debug.contains("secrets: 2"), "{debug}");
    }
}
