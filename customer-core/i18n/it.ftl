# customer-core: i messaggi in italiano. Identificativi e parametri: vedi en.ftl.

email = deve essere un indirizzo email valido
email-too-long = deve avere al massimo { $max } { $max ->
    [one] carattere
   *[other] caratteri
  }
email-ascii = può contenere solo caratteri ASCII
pattern = deve corrispondere al modello `{ $pattern }`
id-exact = deve essere `{ $prefix }` seguito da esattamente { $min_len } { $min_len ->
    [one] carattere
   *[other] caratteri
  } tra [{ $chars }]
id-at-least = deve essere `{ $prefix }` seguito da almeno { $min_len } { $min_len ->
    [one] carattere
   *[other] caratteri
  } tra [{ $chars }]
id-between = deve essere `{ $prefix }` seguito da { $min_len } a { $max_len } caratteri tra [{ $chars }]
locale = deve essere un codice lingua valido (RFC 5646)
locale-short = deve essere un codice lingua della forma lingua(-Scrittura)(-REGIONE), come `it` o `it-IT`
locale-mollie-form = deve essere una lingua Mollie della forma `ll_CC`, come `en_US` o `it_IT`
locale-mollie-list = non è una lingua supportata da Mollie; Mollie accetta una tra { $allowed } (BCP 47 `it-IT` corrisponde a `it_IT` in Mollie)
metadata_too_large = deve occupare al massimo { $max_bytes } { $max_bytes ->
    [one] byte
   *[other] byte
  } di JSON compatto
metadata_invalid-depth = non deve annidare array e oggetti per più di { $max_depth } livelli
metadata_invalid = deve poter essere scritto in JSON
json_string = deve essere una stringa contenente JSON
json_string-entries = deve contenere un array JSON di oggetti {"{"}key, value{"}"}, con una stringa come key e una stringa, un numero o un booleano come value
json_string-object = deve contenere un oggetto JSON di chiavi e valori
json_string-object-string = deve essere una stringa contenente un oggetto JSON di chiavi e valori
length-exact = deve avere una lunghezza di esattamente { $min }
length-between = deve avere una lunghezza tra { $min } e { $max }
length-min = deve avere una lunghezza di almeno { $min }
length-max = deve avere una lunghezza di al massimo { $max }
bytes-exact = deve occupare esattamente { $min } { $min ->
    [one] byte
   *[other] byte
  }
bytes-between = deve occupare tra { $min } e { $max } byte
bytes-min = deve occupare almeno { $min } { $min ->
    [one] byte
   *[other] byte
  }
bytes-max = deve occupare al massimo { $max } { $max ->
    [one] byte
   *[other] byte
  }
one_of = deve essere uno di questi valori: { $allowed }
one_of-expected = deve essere uno di questi valori: { $allowed }
country = deve essere un codice paese ISO 3166-1 alpha-2 assegnato, in maiuscolo, come `IT`
phone = deve essere un numero di telefono in formato E.164: `+`, un prefisso internazionale assegnato e il numero, al massimo { $max_digits } cifre
phone-calling-code = il prefisso internazionale deve essere un prefisso assegnato di 1-3 cifre, senza `+`
phone-number = il numero deve avere da 1 a { $max_digits } cifre (15 in tutto con il prefisso)
phone-digits = il numero può contenere solo cifre, senza `+`, spazi o altri segni (il prefisso è a parte)
url = deve essere un URL http o https completo
timestamp = deve essere una data e ora RFC 3339, come `1985-04-12T23:20:50.52Z`
range-between = deve essere tra { $min } e { $max }
range-min = deve essere almeno { $min }
range-max = deve essere al massimo { $max }
range-whole = deve essere un numero intero da { $min } a { $max }
range-out = è fuori dall'intervallo consentito
required = è obbligatorio
required-api = { $api } ha bisogno di questo valore per creare un cliente
required-paddle-email = è obbligatorio: un cliente Paddle deve avere un indirizzo email
required-server-email = è obbligatorio: questo server conserva solo clienti con un indirizzo email
malformed_json = JSON non valido alla riga { $line }, colonna { $column }
malformed_json-eof = il documento termina troppo presto, alla riga { $line }, colonna { $column }
malformed_json-io = non è stato possibile leggere il documento, alla riga { $line }, colonna { $column }
malformed_json-number = un numero fuori intervallo, alla riga { $line }, colonna { $column }
malformed_json-body-utf8 = il corpo della richiesta non è testo UTF-8
malformed_json-utf8 = il documento non è testo UTF-8
invalid_type-string = deve essere una stringa
invalid_type-boolean = deve essere true o false
invalid_type-number = deve essere un numero
invalid_type-array = deve essere un array
invalid_type-object = deve essere un oggetto
invalid_type-null = deve essere null
invalid_type = ha un tipo errato
invalid_type-metadata = deve essere una stringa, un numero, un oggetto o un array
missing_field = è obbligatorio
unknown_field = non è un campo di questo oggetto
duplicate_field = compare più di una volta
invalid_value = non è un valore valido
invalid_value-untagged = deve corrispondere a una delle forme { $variants }
invalid_value-char = deve essere un solo carattere
invalid_length-exact = deve essere un array di { $length } { $length ->
    [one] elemento
   *[other] elementi
  }
invalid_length-between = deve essere un array da { $min } a { $max } elementi
invalid_length-variant = deve essere una stringa o un oggetto con esattamente { $length } { $length ->
    [one] chiave
   *[other] chiavi
  }
invalid_length-variant-object = deve essere un oggetto con esattamente { $length } { $length ->
    [one] chiave
   *[other] chiavi
  }
invalid_length = ha un numero errato di elementi
too_deep = è annidato per più di { $max } livelli
too_many_violations = ha { $count } errori; vengono segnalati i primi { $max }
unchecked = alcuni controlli non sono stati eseguiti: il documento è annidato troppo in profondità per controllarlo per intero
unrepresentable-create = { $api } non ha spazio per questo valore nella creazione di un cliente; svuotalo per inviare senza
unrepresentable-update = { $api } non ha spazio per questo campo nella modifica di un cliente; omettilo per inviare senza
unrepresentable-clear = { $api } non può svuotare questo campo in una modifica; omettilo per mantenerlo, o indica un valore
unrepresentable-json = non è stato possibile scriverlo in JSON
unrepresentable-metadata-object = in { $api } i metadati sono un oggetto di chiavi e valori; questo valore non lo è, né è un elenco di coppie {"{"}key, value{"}"} distinte
unrepresentable-metadata-key = in { $api } i metadati sono un oggetto: questa chiave compare più di una volta
unrepresentable-metadata-entries = in { $api } i metadati sono un elenco di coppie {"{"}key, value{"}"} con valori stringa, numero o booleano; questo valore non lo è
unrepresentable-custom-data = deve essere un oggetto, o un elenco di coppie {"{"}key, value{"}"} distinte, per essere il custom_data di un cliente Paddle
unsupported-update = { $api } non ha una richiesta di modifica del cliente
unsupported-list = { $api } non ha un elenco di clienti
unsupported-error = { $api } non ha una risposta di errore documentata
rejected = { $api } ha rifiutato questo valore
rejected-code = { $api } ha rifiutato questo valore (`{ $provider_code }`)
rejected-status = { $api } ha rifiutato questo valore (HTTP { $status })
rejected-request = { $api } ha rifiutato la richiesta
rejected-request-code = { $api } ha rifiutato la richiesta (errore { $provider_code })
not_this_api = non ha nessuno dei campi di un documento { $api }: è un documento di un’altra API?
required-empty-body = non ha alcun valore contenuto in una richiesta { $api } di creazione cliente: la richiesta sarebbe vuota
one_of-true = deve essere true
length-metadata-keys = deve avere al massimo { $max } chiavi
length-metadata-key = una chiave dei metadati deve avere da 1 a { $max } caratteri
length-metadata-value = un valore dei metadati deve avere al massimo { $max } caratteri
invalid_form = non è stato possibile leggere il modulo
invalid_form-too-many = il modulo ha più parametri di quanti Stripe ne legga
invalid_form-utf8 = una chiave o un valore del modulo non è UTF-8 una volta decodificate le percentuali
invalid_form-key = una chiave del modulo è un nome di parametro seguito da segmenti `[key]`
invalid_form-segments = i segmenti di una chiave del modulo hanno la forma `[key]`
invalid_form-bracket = una `[` in una chiave del modulo non è chiusa
invalid_form-deep = una chiave del modulo è annidata troppo in profondità
invalid_form-control = un modulo contiene un a capo non codificato o un carattere di controllo: un modulo li codifica con la percentuale (`%0A`)
invalid_form-repeated = questa chiave del modulo compare più di una volta
invalid_form-mixed = questa chiave del modulo ha sia un valore sia chiavi annidate
unrepresentable-address-empty = { $api } non può salvare un indirizzo senza città, paese, riga, CAP o provincia
unrepresentable-empty = { $api } legge un valore vuoto come nessun valore; svuotalo per inviare senza
unrepresentable-metadata-bracket = in { $api } le chiavi dei metadati sono chiavi del modulo: questa chiave contiene `[` o `]`
unrepresentable-metadata-string = in { $api } i valori dei metadati sono testi; questo non lo è
unrepresentable-shipping-name = { $api } ha bisogno di un nome per un indirizzo di spedizione; questo non ne ha
too_large = il documento supera { $limit } MiB
ignored_field = { $api } non conosce questo campo e lo ignora

problem-invalid-title = Dati non validi
problem-invalid-detail = il corpo della richiesta viola { $count } { $count ->
    [one] regola
   *[other] regole
  }; vedi `errors`
problem-malformed-title = JSON non valido
problem-malformed-detail = il corpo della richiesta non è JSON ben formato
problem-too-large-title = Richiesta troppo grande
problem-too-large-detail = il corpo della richiesta supera il limite di { $limit } byte
problem-media-type-title = Tipo di contenuto non supportato
problem-media-type-detail = il corpo della richiesta deve essere JSON, inviato con `Content-Type: application/json`
problem-charset-title = Set di caratteri non supportato
problem-charset-detail = il corpo della richiesta deve essere JSON in UTF-8: il suo `Content-Type` indica un altro set di caratteri
problem-body-read-title = Richiesta illeggibile
problem-body-read-detail = non è stato possibile leggere il corpo della richiesta
server-conflict = esiste già un cliente con questo indirizzo email
server-no-such-customer = nessun cliente ha questo id
server-not-found = non c’è nulla a questo indirizzo
server-method-not-allowed = questo indirizzo non accetta questo metodo
server-internal = il server non ha potuto completare la richiesta
server-timeout = la richiesta ha richiesto troppo tempo ed è stata interrotta
server-overloaded = il server sta gestendo tutte le richieste che accetta; riprova tra poco
server-unavailable = il server non ha potuto accettare la richiesta
server-database-down = il database non risponde
server-no-webhooks = questo server non accetta webhook di { $provider } (manca { $option })
server-unknown-api = il parametro di query `api` deve essere uno tra { $names }
server-bad-query = la stringa di query non può essere letta
server-bad-after = il parametro di query `after` deve essere un id cliente
server-bad-per-page = il parametro di query `per_page` deve essere un numero intero da 1 a { $max }
server-bad-status = il parametro di query `status` deve essere un elenco di active, archived separati da virgole
server-repeated-parameter = il parametro di query `{ $name }` è indicato più di una volta
webhook-missing-signature = la firma del webhook non è valida: l'intestazione `{ $header }` manca o è vuota
webhook-malformed-header = la firma del webhook non è valida: l'intestazione `{ $header }` non può essere letta
webhook-no-matching-signature = la firma del webhook non è valida: nessuna firma nell'intestazione corrisponde al corpo con i segreti dati
webhook-stale = la firma del webhook non è valida: il timestamp firmato ha { $age } s, più dei { $tolerance } s consentiti
webhook-future = la firma del webhook non è valida: il timestamp firmato è { $ahead } s nel futuro, più dei { $tolerance } s consentiti
webhook-malformed-body = la firma del webhook non è valida: il corpo non è un evento firmato
webhook-cannot-check = il server non può verificare le firme dei webhook
webhook-not-an-event = il corpo firmato non è un evento

cli-summary = customer-model: { $read } { $read ->
    [one] documento letto
   *[other] documenti letti
  }, { $valid } { $valid ->
    [one] valido
   *[other] validi
  }, { $invalid } non { $invalid ->
    [one] valido
   *[other] validi
  }, { $dropped } { $dropped ->
    [one] valore omesso
   *[other] valori omessi
  }
cli-lossy-hint = customer-model: con --lossy, { $records } { $records ->
    [one] record rifiutato verrebbe convertito
   *[other] record rifiutati verrebbero convertiti
  }, senza { $values } { $values ->
    [one] valore
   *[other] valori
  } che la destinazione non può contenere (un avviso per ciascuno)
cli-dropped = omesso
cli-summary-warnings = , { $warnings } { $warnings ->
    [one] avviso
   *[other] avvisi
  }
cli-summary-rejects = ; { $records } { $records ->
    [one] record rifiutato scritto
   *[other] record rifiutati scritti
  } in { $file }
cli-warning = avviso
cli-no-documents = customer-model: { $file }: nessun documento: l’input è vuoto o contiene solo righe vuote
