//! `rules::url`: absolute http(s) URLs at the boundaries.

use customer_core::rules::url;

use crate::helpers::{check_fail, check_ok};

fn url_check(value: &str) -> Result<(), customer_core::RuleError> {
    url::check(value)
}

#[test]
fn url_valid() {
    check_ok(
        url_check,
        &[
            "http://example.com",
            "https://example.com",
            "https://xn--bcher-kva.example/",
            "http://foo.09a/",
            "http://foo.0xg/",
            "http://1.2.3.4.example/",
            "http://ex%2Dample.com/",
            "HTTPS://EXAMPLE.COM",
            "HtTp://example.com/",
            "https://example.com/path/to/page?query=1&b=c#frag",
            "https://example.com:443/",
            "https://example.com:0",
            "https://example.com:65535",
            "https://example.com:00080",
            "https://example.com:/",
            "https://user:pass@example.com/",
            "https://user@example.com",
            "https://@example.com",
            "https://us%20er@example.com",
            "https://example.com/%7Euser/%E2%82%AC",
            "https://example.com/a:b@c!$&'()*+,;=-._~",
            "https://example.com/?",
            "https://example.com/#",
            "https://example.com?q",
            "https://example.com#f",
            "https://example.com/?a=/?b",
            "https://example.com/#a/?b",
            "https://example.com.",
            "https://sub_domain.example.com",
            "https://xn--bcher-kva.example",
            "https://localhost",
            "https://ex%41mple.com",
            "https://127.0.0.1",
            "https://255.255.255.255:8080/",
            "https://0.0.0.0",
            "https://[::1]",
            "https://[::]",
            "https://[::1]:8080/",
            "https://[2001:db8::1]",
            "https://[2001:db8:0:0:0:0:2:1]",
            "https://[2001:DB8::]",
            "https://[1:2:3:4:5:6:7::]",
            "https://[::2:3:4:5:6:7:8]",
            "https://[::ffff:192.0.2.1]",
            "https://[1:2:3:4:5:6:1.2.3.4]",
            "https://[::1.2.3.4]",
            "https://mollie.com/checkout/select-method/7UhSN1zuXS",
            "https://docs.mollie.com/reference/v2/customers-api/get-customer",
        ],
    );
}

#[test]
fn url_invalid() {
    check_fail(
        url_check,
        "url",
        &[
            // Hosts as browsers read them (found by the WHATWG corpus): a last label that is a
            // number makes an IPv4 address, escapes must stand for host name characters, `xn--`
            // labels must be IDNA.
            "http://foo.1.2.3.4/",
            "http://foo.09",
            "http://foo.09./",
            "http://foo.0x4",
            "http://0x7f.0.0.1/",
            "https://0x100000000/test",
            "http://ho%00st/",
            "http://ho%20st/",
            "http://ho%2Fst/",
            "https://%C3%A9.example/",
            "https://example.com%80/",
            "https://xn--/",
            "http://a.b.c.xn--pokxncvks",
            "",
            "example.com",
            "//example.com",
            "ftp://example.com",
            "mailto:a@b.co",
            "http:/example.com",
            "http:example.com",
            "http://",
            "https://",
            "https:///path",
            "https://:80",
            "https://user@",
            "https://a@b@example.com",
            "https://exa mple.com",
            "https://example.com/pa th",
            "https://example.com/\t",
            "https://example.com/\n",
            "https://example.com/é",
            "https://bücher.example",
            "https://example.com/<script>",
            "https://example.com/\"",
            "https://example.com/{x}",
            "https://example.com/a|b",
            "https://example.com/a\\b",
            "https://example.com/^",
            "https://example.com/`",
            "https://example.com/%",
            "https://example.com/%2",
            "https://example.com/%zz",
            "https://example.com/#a#b",
            "https://example.com/[x]",
            "https://example.com:65536",
            "https://example.com:99999999999999999999",
            "https://example.com:8o",
            "https://example.com:-1",
            "https://example.com:80:80",
            "https://256.0.0.1",
            "https://1.2.3",
            "https://1.2.3.4.5",
            "https://01.2.3.4",
            "https://1.2.3.4.",
            "https://1..2.3",
            "https://[::1",
            "https://::1",
            "https://[::1]x",
            "https://[::1]:x",
            "https://[]",
            "https://[:1]",
            "https://[1:]",
            "https://[1:2:3:4:5:6:7:8:9]",
            "https://[1:2:3:4:5:6:7]",
            "https://[1:2:3:4:5:6:7:8::]",
            "https://[1::2::3]",
            "https://[12345::]",
            "https://[::g]",
            "https://[::1%25eth0]",
            "https://[v1.fe]",
            "https://[::1.2.3]",
            "https://[::256.1.1.1]",
            "https://[1.2.3.4]",
            "https://[1:2:3:4:5:6:7:1.2.3.4]",
            "https://exa\u{0}mple.com",
            " https://example.com",
            "https://example.com ",
        ],
    );
    assert_eq!(
        url::check("nope").unwrap_err().to_string(),
        "must be an absolute http or https URL"
    );
}

#[test]
fn long_input_is_refused() {
    let huge = crate::helpers::huge_digits();
    assert!(url::check(format!("https://example.com/{huge}x y").as_str()).is_err());
}
