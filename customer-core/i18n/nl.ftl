# customer-core: de meldingen in het Nederlands. Ids en params: zie en.ftl.

email = moet een geldig e-mailadres zijn
email-too-long = mag maximaal { $max } { $max ->
    [one] teken
   *[other] tekens
  } lang zijn
email-ascii = mag alleen ASCII-tekens bevatten
pattern = moet overeenkomen met het patroon `{ $pattern }`
id-exact = moet bestaan uit `{ $prefix }` gevolgd door precies { $min_len } { $min_len ->
    [one] teken
   *[other] tekens
  } uit [{ $chars }]
id-at-least = moet bestaan uit `{ $prefix }` gevolgd door minstens { $min_len } { $min_len ->
    [one] teken
   *[other] tekens
  } uit [{ $chars }]
id-between = moet bestaan uit `{ $prefix }` gevolgd door { $min_len } tot { $max_len } tekens uit [{ $chars }]
locale = moet een geldige taalcode zijn (RFC 5646)
locale-short = moet een taalcode zijn in de vorm taal(-Schrift)(-REGIO), zoals `nl` of `nl-NL`
locale-mollie-form = moet een Mollie-taalcode zijn in de vorm `ll_CC`, zoals `en_US` of `nl_NL`
locale-mollie-list = is geen taalcode die Mollie kent; Mollie accepteert een van { $allowed } (BCP 47 `nl-NL` is bij Mollie `nl_NL`)
metadata_too_large = mag maximaal { $max_bytes } { $max_bytes ->
    [one] byte
   *[other] bytes
  } compacte JSON zijn
metadata_invalid-depth = mag arrays en objecten niet meer dan { $max_depth } niveaus diep nesten
metadata_invalid = moet als JSON te schrijven zijn
json_string = moet een tekst met JSON zijn
json_string-entries = moet een JSON-array van {"{"}key, value{"}"}-objecten bevatten, met een tekst als key en een tekst, getal of booleaanse waarde als value
json_string-object = moet een JSON-object met sleutels en waarden bevatten
json_string-object-string = moet een tekst met een JSON-object van sleutels en waarden zijn
length-exact = moet een lengte van precies { $min } hebben
length-between = moet een lengte tussen { $min } en { $max } hebben
length-min = moet een lengte van minstens { $min } hebben
length-max = mag een lengte van maximaal { $max } hebben
bytes-exact = moet precies { $min } { $min ->
    [one] byte
   *[other] bytes
  } lang zijn
bytes-between = moet tussen { $min } en { $max } bytes lang zijn
bytes-min = moet minstens { $min } { $min ->
    [one] byte
   *[other] bytes
  } lang zijn
bytes-max = mag maximaal { $max } { $max ->
    [one] byte
   *[other] bytes
  } lang zijn
one_of = moet een van deze waarden zijn: { $allowed }
one_of-expected = moet een van deze waarden zijn: { $allowed }
country = moet een toegekende landcode zijn volgens ISO 3166-1 alpha-2, in hoofdletters, zoals `NL`
phone = moet een telefoonnummer in E.164-formaat zijn: `+`, een toegekende landcode en het nummer, maximaal { $max_digits } cijfers
phone-calling-code = landcode moet een toegekende landcode van 1 tot 3 cijfers zijn, zonder `+`
phone-number = nummer moet uit 1 tot { $max_digits } cijfers bestaan (15 in totaal met de landcode)
phone-digits = nummer mag alleen uit cijfers bestaan, zonder `+`, spaties of andere tekens (de landcode staat apart)
url = moet een volledige http- of https-URL zijn
timestamp = moet een datum en tijd volgens RFC 3339 zijn, zoals `1985-04-12T23:20:50.52Z`
range-between = moet tussen { $min } en { $max } liggen
range-min = moet minstens { $min } zijn
range-max = mag maximaal { $max } zijn
range-whole = moet een geheel getal van { $min } tot en met { $max } zijn
range-out = valt buiten het toegestane bereik
required = is verplicht
required-api = { $api } heeft deze waarde nodig om een klant aan te maken
required-paddle-email = is verplicht: een Paddle-klant heeft een e-mailadres nodig
required-server-email = is verplicht: deze server bewaart alleen klanten met een e-mailadres
malformed_json = ongeldige JSON op regel { $line }, kolom { $column }
malformed_json-eof = het document houdt te vroeg op, op regel { $line }, kolom { $column }
malformed_json-io = het document kon niet worden gelezen, op regel { $line }, kolom { $column }
malformed_json-number = een getal buiten het bereik, op regel { $line }, kolom { $column }
malformed_json-body-utf8 = de inhoud van het verzoek is geen UTF-8-tekst
malformed_json-utf8 = het document is geen UTF-8-tekst
invalid_type-string = moet een tekst zijn
invalid_type-boolean = moet true of false zijn
invalid_type-number = moet een getal zijn
invalid_type-array = moet een array zijn
invalid_type-object = moet een object zijn
invalid_type-null = moet null zijn
invalid_type = heeft het verkeerde type
invalid_type-metadata = moet een tekst, een getal, een object of een array zijn
missing_field = is verplicht
unknown_field = is geen veld van dit object
duplicate_field = komt meer dan één keer voor
invalid_value = is geen geldige waarde
invalid_value-untagged = moet overeenkomen met een van de vormen { $variants }
invalid_value-char = moet precies één teken zijn
invalid_length-exact = moet een array van { $length } { $length ->
    [one] element
   *[other] elementen
  } zijn
invalid_length-between = moet een array van { $min } tot { $max } elementen zijn
invalid_length-variant = moet een tekst zijn of een object met precies { $length } { $length ->
    [one] sleutel
   *[other] sleutels
  }
invalid_length-variant-object = moet een object zijn met precies { $length } { $length ->
    [one] sleutel
   *[other] sleutels
  }
invalid_length = heeft het verkeerde aantal elementen
too_deep = is meer dan { $max } niveaus diep genest
too_many_violations = heeft { $count } fouten; de eerste { $max } worden gemeld
unchecked = sommige controles zijn niet uitgevoerd: het document is te diep genest om volledig te controleren
unrepresentable-create = { $api } heeft geen plaats voor deze waarde bij het aanmaken van een klant; maak het veld leeg om zonder te versturen
unrepresentable-update = { $api } heeft geen plaats voor dit veld bij het wijzigen van een klant; laat het weg om zonder te versturen
unrepresentable-clear = { $api } kan dit veld bij een wijziging niet leegmaken; laat het weg om het te behouden, of geef een waarde
unrepresentable-json = kon niet als JSON worden geschreven
unrepresentable-metadata-object = metadata bij { $api } is een object met sleutels en waarden; deze waarde is dat niet, en ook geen lijst van unieke {"{"}key, value{"}"}-paren
unrepresentable-metadata-key = metadata bij { $api } is een object: deze sleutel komt meer dan één keer voor
unrepresentable-metadata-entries = metadata bij { $api } is een lijst van {"{"}key, value{"}"}-paren met tekst, getallen of booleaanse waarden; deze waarde is dat niet
unrepresentable-custom-data = moet een object zijn, of een lijst van unieke {"{"}key, value{"}"}-paren, om custom_data van een Paddle-klant te kunnen zijn
unsupported-update = { $api } heeft geen verzoek om een klant te wijzigen
unsupported-list = { $api } heeft geen lijst van klanten
unsupported-error = { $api } heeft geen gedocumenteerd foutantwoord
rejected = { $api } heeft deze waarde geweigerd
rejected-code = { $api } heeft deze waarde geweigerd (`{ $provider_code }`)
rejected-status = { $api } heeft deze waarde geweigerd (HTTP { $status })
rejected-request = { $api } heeft het verzoek geweigerd
rejected-request-code = { $api } heeft het verzoek geweigerd (fout { $provider_code })
not_this_api = heeft geen enkel veld van een { $api }-document: is het een document van een andere API?
required-empty-body = heeft geen enkele waarde die een { $api }-verzoek om een klant aan te maken bevat: het verzoek zou leeg zijn
one_of-true = moet true zijn
length-metadata-keys = mag maximaal { $max } sleutels hebben
length-metadata-key = een metadatasleutel moet 1 tot { $max } tekens lang zijn
length-metadata-value = een metadatawaarde mag maximaal { $max } tekens lang zijn
invalid_form = het formulier kon niet worden gelezen
invalid_form-too-many = het formulier heeft meer parameters dan Stripe leest
invalid_form-utf8 = een sleutel of waarde van het formulier is na het decoderen van de procenttekens geen UTF-8
invalid_form-key = een formuliersleutel is een parameternaam, gevolgd door segmenten `[key]`
invalid_form-segments = de segmenten van een formuliersleutel hebben de vorm `[key]`
invalid_form-bracket = een `[` in een formuliersleutel wordt niet gesloten
invalid_form-deep = een formuliersleutel is te diep genest
invalid_form-control = een formulier bevat een onbewerkte regeleinde of een stuurteken: een formulier codeert ze met procenttekens (`%0A`)
invalid_form-repeated = deze formuliersleutel komt meer dan één keer voor
invalid_form-mixed = deze formuliersleutel heeft zowel een waarde als geneste sleutels
unrepresentable-address-empty = { $api } kan geen adres bewaren zonder plaats, land, adresregel, postcode of provincie
unrepresentable-empty = { $api } leest een lege waarde als geen waarde; maak het veld leeg om zonder te versturen
unrepresentable-metadata-bracket = metadatasleutels zijn bij { $api } formuliersleutels: deze sleutel bevat een `[` of `]`
unrepresentable-metadata-string = metadatawaarden zijn bij { $api } tekst; deze waarde is dat niet
unrepresentable-shipping-name = { $api } heeft een naam nodig voor een verzendadres; dit adres heeft er geen
too_large = het document is groter dan { $limit } MiB
ignored_field = { $api } kent dit veld niet en negeert het

problem-invalid-title = Ongeldige gegevens
problem-invalid-detail = de inhoud van het verzoek voldoet niet aan { $count } { $count ->
    [one] regel
   *[other] regels
  }; zie `errors`
problem-malformed-title = Ongeldige JSON
problem-malformed-detail = de inhoud van het verzoek is geen geldige JSON
problem-too-large-title = Verzoek te groot
problem-too-large-detail = de inhoud van het verzoek is groter dan de limiet van { $limit } bytes
problem-media-type-title = Niet-ondersteund mediatype
problem-media-type-detail = de inhoud van het verzoek moet JSON zijn, verstuurd met `Content-Type: application/json`
problem-charset-title = Niet-ondersteunde tekenset
problem-charset-detail = de inhoud van het verzoek moet JSON in UTF-8 zijn: de `Content-Type` noemt een andere tekenset
problem-body-read-title = Verzoek onleesbaar
problem-body-read-detail = de inhoud van het verzoek kon niet worden gelezen
server-conflict = er bestaat al een klant met dit e-mailadres
server-no-such-customer = er is geen klant met deze id
server-not-found = op dit adres is niets te vinden
server-method-not-allowed = dit adres accepteert deze methode niet
server-internal = de server kon het verzoek niet afhandelen
server-timeout = het verzoek duurde te lang en is afgebroken
server-overloaded = de server verwerkt al zoveel verzoeken als hij aanneemt; probeer het zo meteen opnieuw
server-unavailable = de server kon het verzoek niet aannemen
server-database-down = de database antwoordt niet
server-no-webhooks = deze server neemt geen webhooks van { $provider } aan (geen { $option })
server-unknown-api = de queryparameter `api` moet een van deze zijn: { $names }
server-bad-query = de querystring kan niet worden gelezen
server-bad-after = de queryparameter `after` moet een klant-ID zijn
server-bad-per-page = de queryparameter `per_page` moet een geheel getal van 1 tot en met { $max } zijn
server-bad-status = de queryparameter `status` moet een kommagescheiden lijst van active, archived zijn
server-repeated-parameter = de queryparameter `{ $name }` komt meer dan één keer voor
webhook-missing-signature = de webhookhandtekening klopt niet: de header `{ $header }` ontbreekt of is leeg
webhook-malformed-header = de webhookhandtekening klopt niet: de header `{ $header }` kan niet worden gelezen
webhook-no-matching-signature = de webhookhandtekening klopt niet: geen handtekening in de header past bij de body onder de gegeven geheimen
webhook-stale = de webhookhandtekening klopt niet: het ondertekende tijdstip is { $age } s oud, meer dan de toegestane { $tolerance } s
webhook-future = de webhookhandtekening klopt niet: het ondertekende tijdstip ligt { $ahead } s in de toekomst, meer dan de toegestane { $tolerance } s
webhook-malformed-body = de webhookhandtekening klopt niet: de body is geen ondertekende gebeurtenis
webhook-cannot-check = de server kan webhookhandtekeningen niet controleren
webhook-not-an-event = de ondertekende body is geen gebeurtenis

cli-summary = customer-model: { $read } { $read ->
    [one] document
   *[other] documenten
  } gelezen, { $valid } geldig, { $invalid } ongeldig, { $dropped } { $dropped ->
    [one] waarde
   *[other] waarden
  } weggelaten
cli-lossy-hint = customer-model: met --lossy { $records ->
    [one] zou { $records } geweigerd record
   *[other] zouden { $records } geweigerde records
  } worden omgezet, zonder { $values } { $values ->
    [one] waarde
   *[other] waarden
  } die het doel niet kan bevatten (elk met een waarschuwing)
cli-dropped = weggelaten
cli-summary-warnings = , { $warnings } { $warnings ->
    [one] waarschuwing
   *[other] waarschuwingen
  }
cli-summary-rejects = ; { $records } { $records ->
    [one] geweigerd record
   *[other] geweigerde records
  } geschreven naar { $file }
cli-warning = waarschuwing
cli-no-documents = customer-model: { $file }: geen documenten: de invoer is leeg of bevat alleen lege regels
