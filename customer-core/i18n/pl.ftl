# customer-core: komunikaty po polsku. Identyfikatory i parametry: zob. en.ftl.
# Liczebniki mają cztery formy (CLDR): one (1), few (2–4, 22–24…), many (0, 5–21…), other (ułamki).

email = musi być prawidłowym adresem e-mail
email-too-long = może mieć najwyżej { $max } { $max ->
    [one] znak
    [few] znaki
    [many] znaków
   *[other] znaku
  }
email-ascii = może zawierać tylko znaki ASCII
pattern = musi pasować do wzorca `{ $pattern }`
id-exact = musi składać się z `{ $prefix }` i dokładnie { $min_len } { $min_len ->
    [one] znaku
    [few] znaków
    [many] znaków
   *[other] znaku
  } spośród [{ $chars }]
id-at-least = musi składać się z `{ $prefix }` i co najmniej { $min_len } { $min_len ->
    [one] znaku
    [few] znaków
    [many] znaków
   *[other] znaku
  } spośród [{ $chars }]
id-between = musi składać się z `{ $prefix }` i od { $min_len } do { $max_len } znaków spośród [{ $chars }]
locale = musi być prawidłowym znacznikiem języka (RFC 5646)
locale-short = musi być znacznikiem języka w postaci język(-Pismo)(-REGION), np. `pl` lub `pl-PL`
locale-mollie-form = musi być językiem Mollie w postaci `ll_CC`, np. `en_US` lub `pl_PL`
locale-mollie-list = nie jest językiem obsługiwanym przez Mollie; Mollie przyjmuje jeden z: { $allowed } (BCP 47 `pl-PL` to w Mollie `pl_PL`)
metadata_too_large = może mieć najwyżej { $max_bytes } { $max_bytes ->
    [one] bajt
    [few] bajty
    [many] bajtów
   *[other] bajta
  } zwartego JSON
metadata_invalid-depth = nie może zagnieżdżać tablic i obiektów na więcej niż { $max_depth } { $max_depth ->
    [one] poziom
    [few] poziomy
    [many] poziomów
   *[other] poziomu
  }
metadata_invalid = musi dać się zapisać jako JSON
json_string = musi być tekstem zawierającym JSON
json_string-entries = musi zawierać tablicę JSON obiektów {"{"}key, value{"}"}, z tekstem jako key i tekstem, liczbą lub wartością logiczną jako value
json_string-object = musi zawierać obiekt JSON z kluczami i wartościami
json_string-object-string = musi być tekstem zawierającym obiekt JSON z kluczami i wartościami
length-exact = musi mieć długość dokładnie { $min }
length-between = musi mieć długość od { $min } do { $max }
length-min = musi mieć długość co najmniej { $min }
length-max = musi mieć długość najwyżej { $max }
bytes-exact = musi mieć dokładnie { $min } { $min ->
    [one] bajt
    [few] bajty
    [many] bajtów
   *[other] bajta
  }
bytes-between = musi mieć od { $min } do { $max } bajtów
bytes-min = musi mieć co najmniej { $min } { $min ->
    [one] bajt
    [few] bajty
    [many] bajtów
   *[other] bajta
  }
bytes-max = może mieć najwyżej { $max } { $max ->
    [one] bajt
    [few] bajty
    [many] bajtów
   *[other] bajta
  }
one_of = musi być jedną z wartości: { $allowed }
one_of-expected = musi być jedną z wartości: { $allowed }
country = musi być przydzielonym kodem kraju ISO 3166-1 alfa-2, wielkimi literami, np. `PL`
phone = musi być numerem telefonu w formacie E.164: `+`, przydzielony numer kierunkowy kraju i numer, najwyżej { $max_digits } { $max_digits ->
    [one] cyfra
    [few] cyfry
    [many] cyfr
   *[other] cyfry
  }
phone-calling-code = numer kierunkowy kraju musi być przydzielonym numerem kierunkowym z 1–3 cyfr, bez `+`
phone-number = numer musi mieć od 1 do { $max_digits } cyfr (razem z numerem kierunkowym najwyżej 15)
phone-digits = numer może zawierać tylko cyfry, bez `+`, spacji i innych znaków (numer kierunkowy podaje się osobno)
url = musi być pełnym adresem URL http lub https
timestamp = musi być datą i godziną w formacie RFC 3339, np. `1985-04-12T23:20:50.52Z`
range-between = musi mieścić się w przedziale od { $min } do { $max }
range-min = musi wynosić co najmniej { $min }
range-max = może wynosić najwyżej { $max }
range-whole = musi być liczbą całkowitą od { $min } do { $max }
range-out = jest poza dozwolonym zakresem
required = jest wymagane
required-api = { $api } potrzebuje tej wartości, aby utworzyć klienta
required-paddle-email = jest wymagane: klient Paddle musi mieć adres e-mail
required-server-email = jest wymagane: ten serwer przechowuje tylko klientów z adresem e-mail
malformed_json = nieprawidłowy JSON w wierszu { $line }, kolumna { $column }
malformed_json-eof = dokument kończy się za wcześnie, w wierszu { $line }, kolumna { $column }
malformed_json-io = nie udało się odczytać dokumentu, w wierszu { $line }, kolumna { $column }
malformed_json-number = liczba spoza zakresu, w wierszu { $line }, kolumna { $column }
malformed_json-body-utf8 = treść żądania nie jest tekstem UTF-8
malformed_json-utf8 = dokument nie jest tekstem UTF-8
invalid_type-string = musi być tekstem
invalid_type-boolean = musi mieć wartość true lub false
invalid_type-number = musi być liczbą
invalid_type-array = musi być tablicą
invalid_type-object = musi być obiektem
invalid_type-null = musi mieć wartość null
invalid_type = ma nieprawidłowy typ
invalid_type-metadata = musi być tekstem, liczbą, obiektem lub tablicą
missing_field = jest wymagane
unknown_field = nie jest polem tego obiektu
duplicate_field = występuje więcej niż raz
invalid_value = nie jest prawidłową wartością
invalid_value-untagged = musi pasować do jednej z form { $variants }
invalid_value-char = musi być pojedynczym znakiem
invalid_length-exact = musi być tablicą { $length } { $length ->
    [one] elementu
    [few] elementów
    [many] elementów
   *[other] elementu
  }
invalid_length-between = musi być tablicą od { $min } do { $max } elementów
invalid_length-variant = musi być tekstem lub obiektem z dokładnie { $length } { $length ->
    [one] kluczem
    [few] kluczami
    [many] kluczami
   *[other] klucza
  }
invalid_length-variant-object = musi być obiektem z dokładnie { $length } { $length ->
    [one] kluczem
    [few] kluczami
    [many] kluczami
   *[other] klucza
  }
invalid_length = ma nieprawidłową liczbę elementów
too_deep = jest zagnieżdżone na więcej niż { $max } { $max ->
    [one] poziom
    [few] poziomy
    [many] poziomów
   *[other] poziomu
  }
too_many_violations = ma { $count } { $count ->
    [one] błąd
    [few] błędy
   *[many] błędów
  }; zgłoszono pierwsze { $max }
unchecked = niektóre sprawdzenia nie zostały wykonane: dokument jest zbyt głęboko zagnieżdżony, aby sprawdzić go w całości
unrepresentable-create = { $api } nie ma miejsca na tę wartość przy tworzeniu klienta; wyczyść ją, aby wysłać bez niej
unrepresentable-update = { $api } nie ma miejsca na to pole przy zmianie klienta; pomiń je, aby wysłać bez niego
unrepresentable-clear = { $api } nie może wyczyścić tego pola przy zmianie; pomiń je, aby je zachować, albo podaj wartość
unrepresentable-json = nie udało się zapisać jako JSON
unrepresentable-metadata-object = w { $api } metadane są obiektem z kluczami i wartościami; ta wartość nim nie jest ani nie jest listą różnych par {"{"}key, value{"}"}
unrepresentable-metadata-key = w { $api } metadane są obiektem: ten klucz występuje więcej niż raz
unrepresentable-metadata-entries = w { $api } metadane są listą par {"{"}key, value{"}"} z tekstem, liczbą lub wartością logiczną; ta wartość nią nie jest
unrepresentable-custom-data = musi być obiektem lub listą różnych par {"{"}key, value{"}"}, aby mogło być custom_data klienta Paddle
unsupported-update = { $api } nie ma żądania zmiany klienta
unsupported-list = { $api } nie ma listy klientów
unsupported-error = { $api } nie ma udokumentowanej odpowiedzi z błędem
rejected = { $api } odrzuciło tę wartość
rejected-code = { $api } odrzuciło tę wartość (`{ $provider_code }`)
rejected-status = { $api } odrzuciło tę wartość (HTTP { $status })
rejected-request = { $api } odrzuciło żądanie
rejected-request-code = { $api } odrzuciło żądanie (błąd { $provider_code })
not_this_api = nie ma żadnego z pól dokumentu { $api }: czy to dokument innego API?
required-empty-body = nie ma żadnej wartości, którą zawiera żądanie { $api } utworzenia klienta: żądanie byłoby puste
one_of-true = musi mieć wartość true
length-metadata-keys = może mieć najwyżej { $max } kluczy
length-metadata-key = klucz metadanych musi mieć od 1 do { $max } znaków
length-metadata-value = wartość metadanych może mieć najwyżej { $max } znaków
invalid_form = nie udało się odczytać formularza
invalid_form-too-many = formularz ma więcej parametrów, niż Stripe odczytuje
invalid_form-utf8 = klucz lub wartość formularza po zdekodowaniu znaków procentowych nie jest w UTF-8
invalid_form-key = klucz formularza to nazwa parametru, a po niej segmenty `[key]`
invalid_form-segments = segmenty klucza formularza mają postać `[key]`
invalid_form-bracket = znak `[` w kluczu formularza nie jest zamknięty
invalid_form-deep = klucz formularza jest zagnieżdżony zbyt głęboko
invalid_form-control = formularz zawiera niezakodowany znak końca wiersza lub znak sterujący: formularz koduje je procentowo (`%0A`)
invalid_form-repeated = ten klucz formularza występuje więcej niż raz
invalid_form-mixed = ten klucz formularza ma zarówno wartość, jak i zagnieżdżone klucze
unrepresentable-address-empty = { $api } nie może zapisać adresu bez miasta, kraju, wiersza adresu, kodu pocztowego ani regionu
unrepresentable-empty = { $api } odczytuje pustą wartość jako brak wartości; wyczyść ją, aby wysłać bez niej
unrepresentable-metadata-bracket = w { $api } klucze metadanych są kluczami formularza: ten klucz zawiera `[` lub `]`
unrepresentable-metadata-string = w { $api } wartości metadanych są tekstami; ta wartość nie jest tekstem
unrepresentable-shipping-name = { $api } potrzebuje imienia i nazwiska odbiorcy adresu wysyłki; ten adres ich nie ma
too_large = dokument jest większy niż { $limit } MiB
ignored_field = { $api } nie zna tego pola i je pomija

problem-invalid-title = Nieprawidłowe dane
problem-invalid-detail = treść żądania narusza { $count } { $count ->
    [one] regułę
    [few] reguły
    [many] reguł
   *[other] reguły
  }; zob. `errors`
problem-malformed-title = Nieprawidłowy JSON
problem-malformed-detail = treść żądania nie jest poprawnym JSON
problem-too-large-title = Żądanie jest za duże
problem-too-large-detail = treść żądania przekracza limit { $limit } bajtów
problem-media-type-title = Nieobsługiwany typ treści
problem-media-type-detail = treść żądania musi być w formacie JSON, wysłana z `Content-Type: application/json`
problem-charset-title = Nieobsługiwane kodowanie znaków
problem-charset-detail = treść żądania musi być w formacie JSON w UTF-8: jej `Content-Type` podaje inne kodowanie znaków
problem-body-read-title = Nie można odczytać żądania
problem-body-read-detail = nie udało się odczytać treści żądania
server-conflict = klient z tym adresem e-mail już istnieje
server-no-such-customer = żaden klient nie ma tego identyfikatora
server-not-found = pod tym adresem nic nie ma
server-method-not-allowed = ten adres nie przyjmuje tej metody
server-internal = serwer nie mógł obsłużyć żądania
server-timeout = żądanie trwało zbyt długo i zostało przerwane
server-overloaded = serwer obsługuje już tyle żądań, ile przyjmuje; spróbuj ponownie za chwilę
server-unavailable = serwer nie mógł przyjąć żądania
server-database-down = baza danych nie odpowiada
server-no-webhooks = ten serwer nie przyjmuje webhooków { $provider } (brak { $option })
server-unknown-api = parametr zapytania `api` musi być jednym z: { $names }
server-bad-query = nie można odczytać ciągu zapytania
server-bad-after = parametr zapytania `after` musi być identyfikatorem klienta
server-bad-per-page = parametr zapytania `per_page` musi być liczbą całkowitą od 1 do { $max }
server-bad-status = parametr zapytania `status` musi być listą wartości active, archived oddzielonych przecinkami
server-repeated-parameter = parametr zapytania `{ $name }` podano więcej niż raz
webhook-missing-signature = podpis webhooka jest nieprawidłowy: nagłówka `{ $header }` brak lub jest pusty
webhook-malformed-header = podpis webhooka jest nieprawidłowy: nie można odczytać nagłówka `{ $header }`
webhook-no-matching-signature = podpis webhooka jest nieprawidłowy: żaden podpis w nagłówku nie pasuje do treści przy podanych sekretach
webhook-stale = podpis webhooka jest nieprawidłowy: podpisany znacznik czasu ma { $age } s, więcej niż dozwolone { $tolerance } s
webhook-future = podpis webhooka jest nieprawidłowy: podpisany znacznik czasu wyprzedza czas o { $ahead } s, więcej niż dozwolone { $tolerance } s
webhook-malformed-body = podpis webhooka jest nieprawidłowy: treść nie jest podpisanym zdarzeniem
webhook-cannot-check = serwer nie może sprawdzać podpisów webhooków
webhook-not-an-event = podpisana treść nie jest zdarzeniem

cli-summary = customer-model: odczytane dokumenty: { $read }, poprawne: { $valid }, niepoprawne: { $invalid }, pominięte wartości: { $dropped }
cli-lossy-hint = customer-model: z --lossy odrzucone rekordy ({ $records }) zostałyby przekształcone bez wartości, których cel nie może przechować ({ $values }; każda z ostrzeżeniem)
cli-dropped = pominięto
cli-summary-warnings = , ostrzeżenia: { $warnings }
cli-summary-rejects = ; odrzucone rekordy zapisane w { $file }: { $records }
cli-warning = ostrzeżenie
cli-no-documents = customer-model: { $file }: brak dokumentów: dane wejściowe są puste lub zawierają tylko puste wiersze
