//! `url`: an absolute `http` or `https` URL as RFC 3986 writes it. Code `url`.
//!
//! A single pass over the bytes, allocating nothing (but for a host with an `xn--` label, which
//! the IDNA check reads):
//!
//! - scheme `http` or `https` in any case, then `://`;
//! - authority: optional `userinfo@` (unreserved, sub-delims, `:` and percent-escapes), a
//!   non-empty host, optional `:port` (digits, at most 65535; an empty port is allowed, as
//!   RFC 3986 and the WHATWG URL standard allow it);
//! - host: a bracketed IPv6 address (`[2001:db8::1]`, IPv4-suffixed forms too; no zone IDs and
//!   no `IPvFuture`), a dotted-quad IPv4 address, or a reg-name of unreserved, sub-delims and
//!   percent-escapes of them (`ex%41mple.com`; an escape of anything else, `ho%00st` or
//!   `%C3%A9`, is refused, as browsers refuse it or read an IDN, which is written `xn--` here).
//!   A host made only of digits and dots, or whose last label is a number (`foo.09`, `a.0x4`),
//!   must be a valid dotted-quad IPv4 address (`999.1.1.1`, `1.2.3` and `foo.1.2.3.4` are
//!   refused, as browsers refuse them, although RFC 3986 would read them as reg-names); an
//!   `xn--` label must be valid IDNA (UTS 46, the `idna` crate);
//! - then a path, `?query` and `#fragment` of RFC 3986 characters (unreserved, sub-delims, `:`,
//!   `@`, `/`, `?` after the path) and valid percent-escapes, at most one `#`.
//!
//! Spaces, control characters, non-ASCII characters (IRIs: percent-encode them), `"`, `<`, `>`,
//! `\`, `^`, `` ` ``, `{`, `|`, `}` and stray `%` are refused.

use super::Text;
use crate::error::RuleError;

/// Checks that `value` is an absolute `http`/`https` URL.
#[inline]
pub fn check<T: Text + ?Sized>(value: &T) -> Result<(), RuleError> {
    if is_valid(value.text()) {
        Ok(())
    } else {
        Err(error())
    }
}

#[cold]
fn error() -> RuleError {
    RuleError::new(crate::codes::URL, "must be an absolute http or https URL")
}

/// Class bit of reg-name bytes: unreserved / sub-delims.
const REG_NAME: u8 = 1;
/// Class bit of userinfo bytes: unreserved / sub-delims / `:`.
const USERINFO: u8 = 2;
/// Class bit of path, query and fragment bytes: pchar, `/` and `?` (which only leaves the path
/// once; query and fragment allow it).
const TAIL: u8 = 4;

/// The class bits of every byte (a table lookup is cheaper than a 128-bit shift).
static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0usize;
    while b < 128 {
        if (b as u8).is_ascii_alphanumeric() {
            table[b] = REG_NAME | USERINFO | TAIL;
        }
        b += 1;
    }
    let sub_delims_unreserved = b"-._~!$&'()*+,;=";
    let mut i = 0;
    while i < sub_delims_unreserved.len() {
        table[sub_delims_unreserved[i] as usize] = REG_NAME | USERINFO | TAIL;
        i += 1;
    }
    table[b':' as usize] = USERINFO | TAIL;
    table[b'@' as usize] = TAIL;
    table[b'/' as usize] = TAIL;
    table[b'?' as usize] = TAIL;
    table
};

#[inline(always)]
fn in_set(class: u8, b: u8) -> bool {
    CLASS[usize::from(b)] & class != 0
}

/// `true` when `bytes` are characters of `set` and valid percent-escapes.
#[inline]
fn all_in(set: u8, bytes: &[u8]) -> bool {
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            match (bytes.get(i + 1), bytes.get(i + 2)) {
                (Some(h), Some(l)) if h.is_ascii_hexdigit() && l.is_ascii_hexdigit() => i += 3,
                _ => return false,
            }
        } else if in_set(set, b) {
            i += 1;
        } else {
            return false;
        }
    }
    true
}

/// `true` when `value` passes [`check`].
#[must_use]
pub fn is_valid(value: &str) -> bool {
    let bytes = value.as_bytes();
    let rest = if let Some(rest) = strip_prefix_ignore_case(bytes, b"http://") {
        rest
    } else if let Some(rest) = strip_prefix_ignore_case(bytes, b"https://") {
        rest
    } else {
        return false;
    };
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    is_authority(authority) && is_tail(tail)
}

#[inline]
fn strip_prefix_ignore_case<'a>(bytes: &'a [u8], prefix: &[u8]) -> Option<&'a [u8]> {
    let head = bytes.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        bytes.get(prefix.len()..)
    } else {
        None
    }
}

/// `[ userinfo "@" ] host [ ":" port ]`
fn is_authority(authority: &[u8]) -> bool {
    let host_port = match authority.iter().position(|&b| b == b'@') {
        Some(at) => {
            let (userinfo, rest) = authority.split_at(at);
            if !all_in(USERINFO, userinfo) {
                return false;
            }
            rest.get(1..).unwrap_or_default()
        }
        None => authority,
    };
    let (host_ok, port) = if let Some(literal) = host_port.strip_prefix(b"[") {
        let Some(close) = literal.iter().position(|&b| b == b']') else {
            return false;
        };
        let (address, after) = literal.split_at(close);
        let after = after.get(1..).unwrap_or_default();
        let port = match after {
            [] => None,
            [b':', port @ ..] => Some(port),
            _ => return false,
        };
        (is_ipv6(address), port)
    } else {
        match host_port.iter().position(|&b| b == b':') {
            Some(colon) => {
                let (host, port) = host_port.split_at(colon);
                (is_host(host), Some(port.get(1..).unwrap_or_default()))
            }
            None => (is_host(host_port), None),
        }
    };
    host_ok
        && match port {
            Some(port) => is_port(port),
            None => true,
        }
}

/// `port = *DIGIT`, at most 65535 (leading zeros allowed).
fn is_port(port: &[u8]) -> bool {
    let mut value = 0u32;
    for &b in port {
        if !b.is_ascii_digit() {
            return false;
        }
        value = value * 10 + u32::from(b - b'0');
        if value > 65535 {
            return false;
        }
    }
    true
}

/// A reg-name or an IPv4 address, read as browsers read hosts: digits-and-dots hosts and hosts
/// whose last label is a number (`foo.09`, `0x7f.1`) must be dotted-quad IPv4 addresses; a
/// percent-escape must stand for a character a host name may hold (`ex%41mple.com`, not
/// `ho%00st` or `%C3%A9`: write an IDN as `xn--`); `xn--` labels must be valid IDNA.
fn is_host(host: &[u8]) -> bool {
    if host.is_empty() {
        return false;
    }
    if host.iter().all(|&b| b.is_ascii_digit() || b == b'.') {
        return is_ipv4(host);
    }
    let mut last = Label::default();
    let mut i = 0;
    while let Some(&b) = host.get(i) {
        let decoded = if b == b'%' {
            let (Some(&h), Some(&l)) = (host.get(i + 1), host.get(i + 2)) else {
                return false;
            };
            i += 3;
            match (hex(h), hex(l)) {
                (Some(h), Some(l)) => h << 4 | l,
                _ => return false,
            }
        } else {
            i += 1;
            b
        };
        if decoded == b'%' || !in_set(REG_NAME, decoded) {
            return false;
        }
        last.push(decoded);
    }
    if last.is_number() {
        return false;
    }
    let ace = host.split(|&b| b == b'.').any(|label| {
        label
            .get(..4)
            .is_some_and(|prefix| prefix.eq_ignore_ascii_case(b"xn--"))
    });
    !ace || idna_host(host)
}

#[inline]
fn hex(b: u8) -> Option<u8> {
    char::from(b)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

/// What the host's last label is so far, byte by byte (a trailing dot aside), to tell whether
/// it is a number as the WHATWG IPv4 parser reads one: decimal digits, or `0x` and
/// hexadecimal digits.
#[derive(Default)]
struct Label {
    /// The label before the current one ends in a number (kept across one trailing dot).
    previous: bool,
    len: usize,
    digits: bool,
    hex: bool,
}

impl Label {
    fn push(&mut self, b: u8) {
        if b == b'.' {
            self.previous = self.len > 0 && self.current();
            *self = Label {
                previous: self.previous,
                len: 0,
                digits: true,
                hex: true,
            };
            return;
        }
        if self.len == 0 {
            self.digits = true;
            self.hex = true;
        }
        self.digits &= b.is_ascii_digit();
        self.hex &= match self.len {
            0 => b == b'0',
            1 => b == b'x' || b == b'X',
            _ => b.is_ascii_hexdigit(),
        };
        self.len += 1;
    }

    /// The label read so far is a number (`0x` alone counts, as for browsers).
    fn current(&self) -> bool {
        self.digits || (self.hex && self.len >= 2)
    }

    fn is_number(&self) -> bool {
        if self.len == 0 {
            self.previous
        } else {
            self.current()
        }
    }
}

/// A host with an `xn--` label, checked by UTS 46 as the URL standard does.
#[cold]
fn idna_host(host: &[u8]) -> bool {
    use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};
    Uts46::new()
        .to_ascii(host, AsciiDenyList::URL, Hyphens::Allow, DnsLength::Ignore)
        .is_ok()
}

/// `dec-octet "." dec-octet "." dec-octet "." dec-octet`, no leading zeros.
fn is_ipv4(address: &[u8]) -> bool {
    let mut parts = 0;
    for part in address.split(|&b| b == b'.') {
        parts += 1;
        let octet_ok = match *part {
            [a] => a.is_ascii_digit(),
            [a, b] => (b'1'..=b'9').contains(&a) && b.is_ascii_digit(),
            [a, b, c] => {
                a.is_ascii_digit()
                    && b.is_ascii_digit()
                    && c.is_ascii_digit()
                    && a != b'0'
                    && (u32::from(a - b'0') * 100 + u32::from(b - b'0') * 10 + u32::from(c - b'0'))
                        <= 255
            }
            _ => false,
        };
        if !octet_ok || parts > 4 {
            return false;
        }
    }
    parts == 4
}

/// The `IPv6address` of RFC 3986: eight groups of 1..=4 hex digits, or fewer with one `::`,
/// the last two groups possibly written as an IPv4 address.
fn is_ipv6(address: &[u8]) -> bool {
    let len = address.len();
    let mut groups = 0;
    let mut compressed = false;
    let mut i = 0;
    if address.starts_with(b"::") {
        compressed = true;
        i = 2;
        if i == len {
            return true;
        }
    } else if address.first() == Some(&b':') {
        return false;
    }
    loop {
        let start = i;
        while address.get(i).is_some_and(u8::is_ascii_hexdigit) {
            i += 1;
        }
        if address.get(i) == Some(&b'.') {
            // The IPv4 tail ends the address.
            let Some(tail) = address.get(start..) else {
                return false;
            };
            if !is_ipv4(tail) {
                return false;
            }
            groups += 2;
            break;
        }
        let digits = i - start;
        if digits == 0 || digits > 4 {
            return false;
        }
        groups += 1;
        if i == len {
            break;
        }
        if address.get(i) != Some(&b':') {
            return false;
        }
        i += 1;
        if address.get(i) == Some(&b':') {
            if compressed {
                return false;
            }
            compressed = true;
            i += 1;
            if i == len {
                break;
            }
        } else if i == len {
            return false;
        }
        if groups > 8 {
            return false;
        }
    }
    if compressed {
        groups <= 7
    } else {
        groups == 8
    }
}

/// `path-abempty [ "?" query ] [ "#" fragment ]`
fn is_tail(tail: &[u8]) -> bool {
    match tail.iter().position(|&b| b == b'#') {
        Some(hash) => {
            let (before, fragment) = tail.split_at(hash);
            all_in(TAIL, before) && all_in(TAIL, fragment.get(1..).unwrap_or_default())
        }
        None => all_in(TAIL, tail),
    }
}
