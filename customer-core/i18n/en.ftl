# customer-core: the messages in English.
#
# Each id is a message of the library (see src/i18n/table.rs); params are the rule's limits,
# never the rejected value. An application overrides any of them, or every message of a code
# (the code as the id), with its own .ftl file: see the README, "Messages in the user's language".

email = must be a valid email address
email-too-long = must be at most { $max } { $max ->
    [one] character
   *[other] characters
  }
email-ascii = must contain only ASCII characters
pattern = must match the pattern `{ $pattern }`
id-exact = must be `{ $prefix }` followed by exactly { $min_len } { $min_len ->
    [one] character
   *[other] characters
  } of [{ $chars }]
id-at-least = must be `{ $prefix }` followed by at least { $min_len } { $min_len ->
    [one] character
   *[other] characters
  } of [{ $chars }]
id-between = must be `{ $prefix }` followed by { $min_len } to { $max_len } characters of [{ $chars }]
locale = must be a well-formed language tag (RFC 5646)
locale-short = must be a language tag of the form language(-Script)(-REGION), such as `en` or `en-US`
locale-mollie-form = must be a Mollie locale of the form `ll_CC`, such as `en_US` or `nl_NL`
locale-mollie-list = is not a locale Mollie lists; Mollie takes one of { $allowed } (BCP 47 `nl-NL` is Mollie's `nl_NL`)
metadata_too_large = must be at most { $max_bytes } { $max_bytes ->
    [one] byte
   *[other] bytes
  } of compact JSON
metadata_invalid-depth = must not nest arrays and objects more than { $max_depth } deep
metadata_invalid = must be representable as JSON
json_string = must be a string holding JSON
json_string-entries = must hold a JSON array of {"{"}key, value{"}"} objects with a string key and a string, number or boolean value
json_string-object = must hold a JSON object of keys and values
json_string-object-string = must be a string holding a JSON object of keys and values
length-exact = must have a length of exactly { $min }
length-between = must have a length between { $min } and { $max }
length-min = must have a length of at least { $min }
length-max = must have a length of at most { $max }
bytes-exact = must be exactly { $min } { $min ->
    [one] byte
   *[other] bytes
  } long
bytes-between = must be between { $min } and { $max } bytes long
bytes-min = must be at least { $min } { $min ->
    [one] byte
   *[other] bytes
  } long
bytes-max = must be at most { $max } { $max ->
    [one] byte
   *[other] bytes
  } long
one_of = must be one of { $allowed }
# `expected` is serde's English list (`a` or `b`); `allowed` the same values as a plain list.
one_of-expected = must be { $expected }
country = must be an assigned ISO 3166-1 alpha-2 country code in upper case, such as `US`
phone = must be an E.164 phone number: `+`, an assigned country calling code and the number, { $max_digits } digits at most
phone-calling-code = calling code must be an assigned country calling code of 1 to 3 digits, without `+`
phone-number = number must be 1 to { $max_digits } digits (15 in all with the calling code)
phone-digits = number must be one or more digits, without `+`, spaces or other signs (the calling code is separate)
url = must be an absolute http or https URL
timestamp = must be an RFC 3339 date-time, such as `1985-04-12T23:20:50.52Z`
range-between = must be between { $min } and { $max }
range-min = must be at least { $min }
range-max = must be at most { $max }
range-whole = must be a whole number from { $min } to { $max }
range-out = is out of range
required = is required
required-api = { $api } needs this value to create a customer
required-paddle-email = is required: a Paddle customer needs an email address
required-server-email = is required: this server keeps only customers with an email address
malformed_json = malformed JSON at line { $line } column { $column }
malformed_json-eof = the document ends too early at line { $line } column { $column }
malformed_json-io = the document could not be read at line { $line } column { $column }
malformed_json-number = a number out of range at line { $line } column { $column }
malformed_json-body-utf8 = the request body is not UTF-8 text
malformed_json-utf8 = the document is not UTF-8 text
invalid_type-string = must be a string
invalid_type-boolean = must be true or false
invalid_type-number = must be a number
invalid_type-array = must be an array
invalid_type-object = must be an object
invalid_type-null = must be null
invalid_type = has the wrong type
invalid_type-metadata = must be a string, a number, an object or an array
missing_field = is required
unknown_field = is not a field of this object
duplicate_field = appears more than once
invalid_value = is not a valid value
invalid_value-untagged = must match one of the forms { $variants }
invalid_value-char = must be a single character
invalid_length-exact = must be an array of { $length } { $length ->
    [one] element
   *[other] elements
  }
invalid_length-between = must be an array of { $min } to { $max } elements
invalid_length-variant = must be a string or an object of exactly { $length } { $length ->
    [one] member
   *[other] members
  }
invalid_length-variant-object = must be an object of exactly { $length } { $length ->
    [one] member
   *[other] members
  }
invalid_length = has the wrong number of elements
too_deep = is nested more than { $max } levels deep
too_many_violations = has { $count } violations; the first { $max } are reported
unchecked = some checks were not run: the document is too deeply nested to check in full
unrepresentable-create = { $api } has no place for this value in its create-customer request; clear it to encode without it
unrepresentable-update = { $api } has no place for this field in its update-customer request; leave it out to encode without it
unrepresentable-clear = { $api } cannot clear this field in an update; leave it out to keep it, or give a value
unrepresentable-json = could not be written as JSON
unrepresentable-metadata-object = { $api } metadata is an object of keys and values; this value is not one and is not a list of distinct {"{"}key, value{"}"} entries
unrepresentable-metadata-key = { $api } metadata is an object: this key appears more than once
unrepresentable-metadata-entries = { $api } metadata is a list of {"{"}key, value{"}"} entries with string, number or boolean values; this value is not one
unrepresentable-custom-data = must be an object, or a list of distinct {"{"}key, value{"}"} entries, to be a Paddle customer's custom_data
unsupported-update = { $api } has no update-customer request
unsupported-list = { $api } has no list-customers response
unsupported-error = { $api } has no documented error response
rejected = { $api } refused this value
rejected-code = { $api } refused this value (`{ $provider_code }`)
rejected-status = { $api } refused this value (HTTP { $status })
rejected-request = { $api } refused the request
rejected-request-code = { $api } refused the request (error { $provider_code })
not_this_api = has none of the fields of a { $api } document: is it a document of another API?
required-empty-body = has no value a { $api } create-customer body holds: the body would be empty
one_of-true = must be true
length-metadata-keys = must have at most { $max } keys
length-metadata-key = a metadata key must be 1 to { $max } characters
length-metadata-value = a metadata value must be at most { $max } characters
invalid_form = the form could not be read
invalid_form-too-many = the form has more parameters than Stripe reads
invalid_form-utf8 = a form key or value is not UTF-8 once percent-decoded
invalid_form-key = a form key is a parameter name, then `[key]` segments
invalid_form-segments = a form key's segments are `[key]`
invalid_form-bracket = a form key's `[` is not closed
invalid_form-deep = a form key nests too deep
invalid_form-control = a form body holds a raw line break or control character: a form percent-encodes them (`%0A`)
invalid_form-repeated = this form key is given more than once
invalid_form-mixed = this form key has both a value and nested keys
unrepresentable-address-empty = { $api } cannot hold an address without a city, country, line, postal code or state
unrepresentable-empty = { $api } reads an empty value as no value; clear it to encode without it
unrepresentable-metadata-bracket = { $api } metadata keys are form keys: this key has a `[` or `]`
unrepresentable-metadata-string = { $api } metadata values are strings; this one is not
unrepresentable-shipping-name = { $api } needs a name for a shipping address; this one has none
too_large = the document is larger than { $limit } MiB
ignored_field = { $api } does not know this member and ignores it

## The problem document (RFC 9457) of an HTTP answer: its title and detail.

problem-invalid-title = Invalid data
problem-invalid-detail = the request body breaks { $count } { $count ->
    [one] rule
   *[other] rules
  }; see `errors`
problem-malformed-title = Malformed JSON
problem-malformed-detail = the request body is not well-formed JSON
problem-too-large-title = Request body too large
problem-too-large-detail = the request body is larger than the limit of { $limit } bytes
problem-media-type-title = Unsupported media type
problem-media-type-detail = the request body must be JSON, sent with `Content-Type: application/json`
problem-charset-title = Unsupported charset
problem-charset-detail = the request body must be JSON in UTF-8: its `Content-Type` names another charset
problem-body-read-title = Unreadable request body
problem-body-read-detail = the request body could not be read
server-conflict = a customer with this email address already exists
server-no-such-customer = no customer has this id
server-not-found = there is nothing at this address
server-method-not-allowed = this address does not take this method
server-internal = the server could not complete the request
server-timeout = the request took too long and was stopped
server-overloaded = the server is handling as many requests as it takes; try again shortly
server-unavailable = the server could not take the request
server-database-down = the database does not answer
server-no-webhooks = this server takes no { $provider } webhooks (no { $option })
server-unknown-api = the query parameter `api` must be one of { $names }
server-bad-query = the query string cannot be read
server-bad-after = the query parameter `after` must be a customer id
server-bad-per-page = the query parameter `per_page` must be a whole number from 1 to { $max }
server-bad-status = the query parameter `status` must be a comma-separated list of active, archived
server-repeated-parameter = the query parameter `{ $name }` is given more than once
webhook-missing-signature = the webhook signature does not hold: the `{ $header }` header is missing or empty
webhook-malformed-header = the webhook signature does not hold: the `{ $header }` header cannot be read: { $reason }
webhook-no-matching-signature = the webhook signature does not hold: no signature in the header matches the body under the secrets given
webhook-stale = the webhook signature does not hold: the signed timestamp is { $age } s old, more than the { $tolerance } s allowed
webhook-future = the webhook signature does not hold: the signed timestamp is { $ahead } s ahead, more than the { $tolerance } s allowed
webhook-malformed-body = the webhook signature does not hold: the body is not a signed event: { $reason }
webhook-cannot-check = the server cannot check webhook signatures
webhook-not-an-event = the signed body is not an event: { $reason }

## The command-line tool: its summary line, the hint before it, a dropped value.

cli-summary = customer-model: { $read } { $read ->
    [one] document
   *[other] documents
  } read, { $valid } valid, { $invalid } invalid, { $dropped } { $dropped ->
    [one] value
   *[other] values
  } dropped
cli-lossy-hint = customer-model: with --lossy, { $records } refused { $records ->
    [one] record
   *[other] records
  } would convert, leaving out { $values } { $values ->
    [one] value
   *[other] values
  } the target cannot hold (a warning each)
cli-dropped = dropped
cli-summary-warnings = , { $warnings } { $warnings ->
    [one] warning
   *[other] warnings
  }
cli-summary-rejects = ; { $records } refused { $records ->
    [one] record
   *[other] records
  } written to { $file }
cli-warning = warning
cli-no-documents = customer-model: { $file }: no documents: the input is empty or holds only blank lines
