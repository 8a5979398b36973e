# customer-core: die Meldungen auf Deutsch. IDs und Parameter: siehe en.ftl.

email = muss eine gültige E-Mail-Adresse sein
email-too-long = darf höchstens { $max } { $max ->
    [one] Zeichen
   *[other] Zeichen
  } lang sein
email-ascii = darf nur ASCII-Zeichen enthalten
pattern = muss dem Muster `{ $pattern }` entsprechen
id-exact = muss aus `{ $prefix }` und genau { $min_len } { $min_len ->
    [one] Zeichen
   *[other] Zeichen
  } aus [{ $chars }] bestehen
id-at-least = muss aus `{ $prefix }` und mindestens { $min_len } { $min_len ->
    [one] Zeichen
   *[other] Zeichen
  } aus [{ $chars }] bestehen
id-between = muss aus `{ $prefix }` und { $min_len } bis { $max_len } Zeichen aus [{ $chars }] bestehen
locale = muss ein gültiges Sprachkürzel sein (RFC 5646)
locale-short = muss ein Sprachkürzel der Form Sprache(-Schrift)(-REGION) sein, etwa `de` oder `de-DE`
locale-mollie-form = muss ein Mollie-Sprachkürzel der Form `ll_CC` sein, etwa `en_US` oder `de_DE`
locale-mollie-list = ist kein Sprachkürzel, das Mollie kennt; Mollie akzeptiert eines von { $allowed } (BCP 47 `de-DE` heißt bei Mollie `de_DE`)
metadata_too_large = darf höchstens { $max_bytes } { $max_bytes ->
    [one] Byte
   *[other] Bytes
  } kompaktes JSON umfassen
metadata_invalid-depth = darf Arrays und Objekte nicht tiefer als { $max_depth } Ebenen verschachteln
metadata_invalid = muss sich als JSON darstellen lassen
json_string = muss ein Text mit JSON sein
json_string-entries = muss ein JSON-Array von {"{"}key, value{"}"}-Objekten enthalten, mit einem Text als key und einem Text, einer Zahl oder einem Wahrheitswert als value
json_string-object = muss ein JSON-Objekt aus Schlüsseln und Werten enthalten
json_string-object-string = muss ein Text mit einem JSON-Objekt aus Schlüsseln und Werten sein
length-exact = muss genau die Länge { $min } haben
length-between = muss eine Länge zwischen { $min } und { $max } haben
length-min = muss mindestens die Länge { $min } haben
length-max = darf höchstens die Länge { $max } haben
bytes-exact = muss genau { $min } { $min ->
    [one] Byte
   *[other] Bytes
  } lang sein
bytes-between = muss zwischen { $min } und { $max } Bytes lang sein
bytes-min = muss mindestens { $min } { $min ->
    [one] Byte
   *[other] Bytes
  } lang sein
bytes-max = darf höchstens { $max } { $max ->
    [one] Byte
   *[other] Bytes
  } lang sein
one_of = muss einer dieser Werte sein: { $allowed }
one_of-expected = muss einer dieser Werte sein: { $allowed }
country = muss ein vergebener Ländercode nach ISO 3166-1 alpha-2 in Großbuchstaben sein, etwa `DE`
phone = muss eine Telefonnummer im Format E.164 sein: `+`, eine vergebene Ländervorwahl und die Rufnummer, höchstens { $max_digits } Ziffern
phone-calling-code = Ländervorwahl muss eine vergebene Ländervorwahl mit 1 bis 3 Ziffern sein, ohne `+`
phone-number = Rufnummer muss 1 bis { $max_digits } Ziffern haben (15 insgesamt mit der Ländervorwahl)
phone-digits = Rufnummer darf nur aus Ziffern bestehen, ohne `+`, Leerzeichen oder andere Zeichen (die Ländervorwahl steht getrennt)
url = muss eine vollständige http- oder https-URL sein
timestamp = muss ein Datum mit Uhrzeit nach RFC 3339 sein, etwa `1985-04-12T23:20:50.52Z`
range-between = muss zwischen { $min } und { $max } liegen
range-min = muss mindestens { $min } sein
range-max = darf höchstens { $max } sein
range-whole = muss eine ganze Zahl von { $min } bis { $max } sein
range-out = liegt außerhalb des zulässigen Bereichs
required = ist ein Pflichtfeld
required-api = { $api } braucht diesen Wert, um einen Kunden anzulegen
required-paddle-email = ist ein Pflichtfeld: Ein Paddle-Kunde braucht eine E-Mail-Adresse
required-server-email = ist ein Pflichtfeld: Dieser Server speichert nur Kunden mit einer E-Mail-Adresse
malformed_json = ungültiges JSON in Zeile { $line }, Spalte { $column }
malformed_json-eof = das Dokument endet zu früh, in Zeile { $line }, Spalte { $column }
malformed_json-io = das Dokument konnte nicht gelesen werden, in Zeile { $line }, Spalte { $column }
malformed_json-number = eine Zahl außerhalb des darstellbaren Bereichs, in Zeile { $line }, Spalte { $column }
malformed_json-body-utf8 = der Inhalt der Anfrage ist kein UTF-8-Text
malformed_json-utf8 = das Dokument ist kein UTF-8-Text
invalid_type-string = muss ein Text sein
invalid_type-boolean = muss true oder false sein
invalid_type-number = muss eine Zahl sein
invalid_type-array = muss ein Array sein
invalid_type-object = muss ein Objekt sein
invalid_type-null = muss null sein
invalid_type = hat den falschen Typ
invalid_type-metadata = muss ein Text, eine Zahl, ein Objekt oder ein Array sein
missing_field = ist ein Pflichtfeld
unknown_field = ist kein Feld dieses Objekts
duplicate_field = kommt mehr als einmal vor
invalid_value = ist kein gültiger Wert
invalid_value-untagged = muss einer der Formen { $variants } entsprechen
invalid_value-char = muss genau ein Zeichen sein
invalid_length-exact = muss ein Array mit { $length } { $length ->
    [one] Element
   *[other] Elementen
  } sein
invalid_length-between = muss ein Array mit { $min } bis { $max } Elementen sein
invalid_length-variant = muss ein Text oder ein Objekt mit genau { $length } { $length ->
    [one] Schlüssel
   *[other] Schlüsseln
  } sein
invalid_length-variant-object = muss ein Objekt mit genau { $length } { $length ->
    [one] Schlüssel
   *[other] Schlüsseln
  } sein
invalid_length = hat die falsche Anzahl von Elementen
too_deep = ist mehr als { $max } Ebenen tief verschachtelt
too_many_violations = hat { $count } Fehler; die ersten { $max } werden gemeldet
unchecked = einige Prüfungen wurden nicht ausgeführt: das Dokument ist zu tief verschachtelt, um es vollständig zu prüfen
unrepresentable-create = { $api } hat beim Anlegen eines Kunden keinen Platz für diesen Wert; leeren Sie das Feld, um ohne ihn zu senden
unrepresentable-update = { $api } hat beim Ändern eines Kunden keinen Platz für dieses Feld; lassen Sie es weg, um ohne es zu senden
unrepresentable-clear = { $api } kann dieses Feld bei einer Änderung nicht leeren; lassen Sie es weg, um es zu behalten, oder geben Sie einen Wert an
unrepresentable-json = konnte nicht als JSON geschrieben werden
unrepresentable-metadata-object = Metadaten sind bei { $api } ein Objekt aus Schlüsseln und Werten; dieser Wert ist keines und auch keine Liste eindeutiger {"{"}key, value{"}"}-Paare
unrepresentable-metadata-key = Metadaten sind bei { $api } ein Objekt: dieser Schlüssel kommt mehr als einmal vor
unrepresentable-metadata-entries = Metadaten sind bei { $api } eine Liste von {"{"}key, value{"}"}-Paaren mit Texten, Zahlen oder Wahrheitswerten; dieser Wert ist keine
unrepresentable-custom-data = muss ein Objekt oder eine Liste eindeutiger {"{"}key, value{"}"}-Paare sein, um custom_data eines Paddle-Kunden zu sein
unsupported-update = { $api } hat keine Anfrage zum Ändern eines Kunden
unsupported-list = { $api } hat keine Kundenliste
unsupported-error = { $api } hat keine dokumentierte Fehlerantwort
rejected = { $api } hat diesen Wert abgelehnt
rejected-code = { $api } hat diesen Wert abgelehnt (`{ $provider_code }`)
rejected-status = { $api } hat diesen Wert abgelehnt (HTTP { $status })
rejected-request = { $api } hat die Anfrage abgelehnt
rejected-request-code = { $api } hat die Anfrage abgelehnt (Fehler { $provider_code })
not_this_api = hat keines der Felder eines { $api }-Dokuments: ist es ein Dokument einer anderen API?
required-empty-body = hat keinen Wert, den eine { $api }-Anfrage zum Anlegen eines Kunden enthält: die Anfrage wäre leer
one_of-true = muss true sein
length-metadata-keys = darf höchstens { $max } Schlüssel haben
length-metadata-key = ein Metadaten-Schlüssel muss 1 bis { $max } Zeichen lang sein
length-metadata-value = ein Metadaten-Wert darf höchstens { $max } Zeichen lang sein
invalid_form = das Formular konnte nicht gelesen werden
invalid_form-too-many = das Formular hat mehr Parameter, als Stripe liest
invalid_form-utf8 = ein Schlüssel oder Wert des Formulars ist nach der Prozent-Dekodierung kein UTF-8
invalid_form-key = ein Formularschlüssel ist ein Parametername, gefolgt von `[key]`-Segmenten
invalid_form-segments = die Segmente eines Formularschlüssels haben die Form `[key]`
invalid_form-bracket = eine `[` in einem Formularschlüssel wird nicht geschlossen
invalid_form-deep = ein Formularschlüssel ist zu tief verschachtelt
invalid_form-control = ein Formular enthält einen rohen Zeilenumbruch oder ein Steuerzeichen: ein Formular kodiert sie mit Prozentzeichen (`%0A`)
invalid_form-repeated = dieser Formularschlüssel kommt mehr als einmal vor
invalid_form-mixed = dieser Formularschlüssel hat sowohl einen Wert als auch verschachtelte Schlüssel
unrepresentable-address-empty = { $api } kann keine Adresse ohne Ort, Land, Adresszeile, Postleitzahl oder Bundesland speichern
unrepresentable-empty = { $api } liest einen leeren Wert als keinen Wert; leeren Sie das Feld, um ohne ihn zu senden
unrepresentable-metadata-bracket = Metadaten-Schlüssel sind bei { $api } Formularschlüssel: dieser Schlüssel enthält `[` oder `]`
unrepresentable-metadata-string = Metadaten-Werte sind bei { $api } Texte; dieser Wert ist keiner
unrepresentable-shipping-name = { $api } braucht einen Namen für eine Lieferadresse; diese hat keinen
too_large = das Dokument ist größer als { $limit } MiB
ignored_field = { $api } kennt dieses Feld nicht und ignoriert es

problem-invalid-title = Ungültige Daten
problem-invalid-detail = der Inhalt der Anfrage verstößt gegen { $count } { $count ->
    [one] Regel
   *[other] Regeln
  }; siehe `errors`
problem-malformed-title = Ungültiges JSON
problem-malformed-detail = der Inhalt der Anfrage ist kein gültiges JSON
problem-too-large-title = Anfrage zu groß
problem-too-large-detail = der Inhalt der Anfrage ist größer als die Grenze von { $limit } Bytes
problem-media-type-title = Nicht unterstützter Medientyp
problem-media-type-detail = der Inhalt der Anfrage muss JSON sein, gesendet mit `Content-Type: application/json`
problem-charset-title = Nicht unterstützter Zeichensatz
problem-charset-detail = der Inhalt der Anfrage muss JSON in UTF-8 sein: der `Content-Type` nennt einen anderen Zeichensatz
problem-body-read-title = Anfrage nicht lesbar
problem-body-read-detail = der Inhalt der Anfrage konnte nicht gelesen werden
server-conflict = es gibt bereits einen Kunden mit dieser E-Mail-Adresse
server-no-such-customer = es gibt keinen Kunden mit dieser ID
server-not-found = unter dieser Adresse gibt es nichts
server-method-not-allowed = diese Adresse nimmt diese Methode nicht an
server-internal = der Server konnte die Anfrage nicht abschließen
server-timeout = die Anfrage dauerte zu lange und wurde abgebrochen
server-overloaded = der Server bearbeitet bereits so viele Anfragen, wie er annimmt; bitte gleich noch einmal versuchen
server-unavailable = der Server konnte die Anfrage nicht annehmen
server-database-down = die Datenbank antwortet nicht
server-no-webhooks = dieser Server nimmt keine Webhooks von { $provider } an (kein { $option })
server-unknown-api = der Abfrageparameter `api` muss einer von diesen sein: { $names }
server-bad-query = die Abfragezeichenfolge kann nicht gelesen werden
server-bad-after = der Abfrageparameter `after` muss eine Kunden-ID sein
server-bad-per-page = der Abfrageparameter `per_page` muss eine ganze Zahl von 1 bis { $max } sein
server-bad-status = der Abfrageparameter `status` muss eine kommagetrennte Liste aus active, archived sein
server-repeated-parameter = der Abfrageparameter `{ $name }` ist mehr als einmal angegeben
webhook-missing-signature = die Webhook-Signatur ist ungültig: der Header `{ $header }` fehlt oder ist leer
webhook-malformed-header = die Webhook-Signatur ist ungültig: der Header `{ $header }` kann nicht gelesen werden
webhook-no-matching-signature = die Webhook-Signatur ist ungültig: keine Signatur im Header passt mit den angegebenen Geheimnissen zum Inhalt
webhook-stale = die Webhook-Signatur ist ungültig: der signierte Zeitstempel ist { $age } s alt, mehr als die erlaubten { $tolerance } s
webhook-future = die Webhook-Signatur ist ungültig: der signierte Zeitstempel liegt { $ahead } s in der Zukunft, mehr als die erlaubten { $tolerance } s
webhook-malformed-body = die Webhook-Signatur ist ungültig: der Inhalt ist kein signiertes Ereignis
webhook-cannot-check = der Server kann Webhook-Signaturen nicht prüfen
webhook-not-an-event = der signierte Inhalt ist kein Ereignis

cli-summary = customer-model: { $read } { $read ->
    [one] Dokument
   *[other] Dokumente
  } gelesen, { $valid } gültig, { $invalid } ungültig, { $dropped } { $dropped ->
    [one] Wert
   *[other] Werte
  } weggelassen
cli-lossy-hint = customer-model: mit --lossy { $records ->
    [one] würde { $records } abgelehnter Datensatz
   *[other] würden { $records } abgelehnte Datensätze
  } umgewandelt, ohne { $values } { $values ->
    [one] Wert, den
   *[other] Werte, die
  } das Ziel nicht aufnehmen kann (je eine Warnung)
cli-dropped = weggelassen
cli-summary-warnings = , { $warnings } { $warnings ->
    [one] Warnung
   *[other] Warnungen
  }
cli-summary-rejects = ; { $records } { $records ->
    [one] abgelehnter Datensatz
   *[other] abgelehnte Datensätze
  } in { $file } geschrieben
cli-warning = Warnung
cli-no-documents = customer-model: { $file }: keine Dokumente: die Eingabe ist leer oder enthält nur Leerzeilen
