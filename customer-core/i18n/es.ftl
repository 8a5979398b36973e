# customer-core: los mensajes en español. Identificadores y parámetros: ver en.ftl.

email = debe ser una dirección de correo electrónico válida
email-too-long = debe tener como máximo { $max } { $max ->
    [one] carácter
   *[other] caracteres
  }
email-ascii = solo puede contener caracteres ASCII
pattern = debe coincidir con el patrón `{ $pattern }`
id-exact = debe ser `{ $prefix }` seguido de exactamente { $min_len } { $min_len ->
    [one] carácter
   *[other] caracteres
  } de [{ $chars }]
id-at-least = debe ser `{ $prefix }` seguido de al menos { $min_len } { $min_len ->
    [one] carácter
   *[other] caracteres
  } de [{ $chars }]
id-between = debe ser `{ $prefix }` seguido de { $min_len } a { $max_len } caracteres de [{ $chars }]
locale = debe ser una etiqueta de idioma válida (RFC 5646)
locale-short = debe ser una etiqueta de idioma de la forma idioma(-Escritura)(-REGIÓN), como `es` o `es-ES`
locale-mollie-form = debe ser un idioma de Mollie de la forma `ll_CC`, como `en_US` o `es_ES`
locale-mollie-list = no es un idioma que Mollie admita; Mollie acepta uno de { $allowed } (BCP 47 `es-ES` es `es_ES` en Mollie)
metadata_too_large = debe ocupar como máximo { $max_bytes } { $max_bytes ->
    [one] byte
   *[other] bytes
  } de JSON compacto
metadata_invalid-depth = no debe anidar matrices y objetos más de { $max_depth } niveles
metadata_invalid = debe poder escribirse como JSON
json_string = debe ser una cadena que contenga JSON
json_string-entries = debe contener una matriz JSON de objetos {"{"}key, value{"}"}, con una cadena como key y una cadena, un número o un booleano como value
json_string-object = debe contener un objeto JSON de claves y valores
json_string-object-string = debe ser una cadena que contenga un objeto JSON de claves y valores
length-exact = debe tener una longitud de exactamente { $min }
length-between = debe tener una longitud entre { $min } y { $max }
length-min = debe tener una longitud de al menos { $min }
length-max = debe tener una longitud de como máximo { $max }
bytes-exact = debe ocupar exactamente { $min } { $min ->
    [one] byte
   *[other] bytes
  }
bytes-between = debe ocupar entre { $min } y { $max } bytes
bytes-min = debe ocupar al menos { $min } { $min ->
    [one] byte
   *[other] bytes
  }
bytes-max = debe ocupar como máximo { $max } { $max ->
    [one] byte
   *[other] bytes
  }
one_of = debe ser uno de estos valores: { $allowed }
one_of-expected = debe ser uno de estos valores: { $allowed }
country = debe ser un código de país ISO 3166-1 alfa-2 asignado, en mayúsculas, como `ES`
phone = debe ser un número de teléfono en formato E.164: `+`, un prefijo de país asignado y el número, { $max_digits } dígitos como máximo
phone-calling-code = el prefijo de país debe ser un prefijo asignado de 1 a 3 dígitos, sin `+`
phone-number = el número debe tener de 1 a { $max_digits } dígitos (15 en total con el prefijo)
phone-digits = el número solo puede contener dígitos, sin `+`, espacios ni otros signos (el prefijo va aparte)
url = debe ser una URL http o https completa
timestamp = debe ser una fecha y hora RFC 3339, como `1985-04-12T23:20:50.52Z`
range-between = debe estar entre { $min } y { $max }
range-min = debe ser como mínimo { $min }
range-max = debe ser como máximo { $max }
range-whole = debe ser un número entero de { $min } a { $max }
range-out = está fuera del rango permitido
required = es obligatorio
required-api = { $api } necesita este valor para crear un cliente
required-paddle-email = es obligatorio: un cliente de Paddle necesita una dirección de correo electrónico
required-server-email = es obligatorio: este servidor solo guarda clientes con una dirección de correo electrónico
malformed_json = JSON mal formado en la línea { $line }, columna { $column }
malformed_json-eof = el documento termina antes de tiempo, en la línea { $line }, columna { $column }
malformed_json-io = no se pudo leer el documento, en la línea { $line }, columna { $column }
malformed_json-number = un número fuera de rango, en la línea { $line }, columna { $column }
malformed_json-body-utf8 = el cuerpo de la solicitud no es texto UTF-8
malformed_json-utf8 = el documento no es texto UTF-8
invalid_type-string = debe ser una cadena de texto
invalid_type-boolean = debe ser true o false
invalid_type-number = debe ser un número
invalid_type-array = debe ser una matriz
invalid_type-object = debe ser un objeto
invalid_type-null = debe ser null
invalid_type = tiene un tipo incorrecto
invalid_type-metadata = debe ser una cadena, un número, un objeto o una matriz
missing_field = es obligatorio
unknown_field = no es un campo de este objeto
duplicate_field = aparece más de una vez
invalid_value = no es un valor válido
invalid_value-untagged = debe coincidir con una de las formas { $variants }
invalid_value-char = debe ser un solo carácter
invalid_length-exact = debe ser una matriz de { $length } { $length ->
    [one] elemento
   *[other] elementos
  }
invalid_length-between = debe ser una matriz de { $min } a { $max } elementos
invalid_length-variant = debe ser una cadena o un objeto con exactamente { $length } { $length ->
    [one] clave
   *[other] claves
  }
invalid_length-variant-object = debe ser un objeto con exactamente { $length } { $length ->
    [one] clave
   *[other] claves
  }
invalid_length = tiene un número incorrecto de elementos
too_deep = está anidado en más de { $max } niveles
too_many_violations = tiene { $count } errores; se indican los { $max } primeros
unchecked = algunas comprobaciones no se hicieron: el documento está anidado demasiado profundamente para comprobarlo por completo
unrepresentable-create = { $api } no tiene lugar para este valor al crear un cliente; vacíelo para enviarlo sin él
unrepresentable-update = { $api } no tiene lugar para este campo al modificar un cliente; omítalo para enviarlo sin él
unrepresentable-clear = { $api } no puede vaciar este campo en una modificación; omítalo para conservarlo, o indique un valor
unrepresentable-json = no se pudo escribir como JSON
unrepresentable-metadata-object = en { $api }, los metadatos son un objeto de claves y valores; este valor no lo es, ni es una lista de pares {"{"}key, value{"}"} distintos
unrepresentable-metadata-key = en { $api }, los metadatos son un objeto: esta clave aparece más de una vez
unrepresentable-metadata-entries = en { $api }, los metadatos son una lista de pares {"{"}key, value{"}"} con valores de texto, número o booleano; este valor no lo es
unrepresentable-custom-data = debe ser un objeto, o una lista de pares {"{"}key, value{"}"} distintos, para ser el custom_data de un cliente de Paddle
unsupported-update = { $api } no tiene una solicitud para modificar clientes
unsupported-list = { $api } no tiene una lista de clientes
unsupported-error = { $api } no tiene una respuesta de error documentada
rejected = { $api } ha rechazado este valor
rejected-code = { $api } ha rechazado este valor (`{ $provider_code }`)
rejected-status = { $api } ha rechazado este valor (HTTP { $status })
rejected-request = { $api } ha rechazado la solicitud
rejected-request-code = { $api } ha rechazado la solicitud (error { $provider_code })
not_this_api = no tiene ninguno de los campos de un documento de { $api }: ¿es un documento de otra API?
required-empty-body = no tiene ningún valor de los que contiene una solicitud de { $api } para crear un cliente: la solicitud quedaría vacía
one_of-true = debe ser true
length-metadata-keys = debe tener como máximo { $max } claves
length-metadata-key = una clave de metadatos debe tener de 1 a { $max } caracteres
length-metadata-value = un valor de metadatos debe tener como máximo { $max } caracteres
invalid_form = no se pudo leer el formulario
invalid_form-too-many = el formulario tiene más parámetros de los que lee Stripe
invalid_form-utf8 = una clave o un valor del formulario no es UTF-8 una vez decodificados los porcentajes
invalid_form-key = una clave de formulario es un nombre de parámetro seguido de segmentos `[key]`
invalid_form-segments = los segmentos de una clave de formulario tienen la forma `[key]`
invalid_form-bracket = un `[` de una clave de formulario no está cerrado
invalid_form-deep = una clave de formulario está anidada a demasiada profundidad
invalid_form-control = un formulario contiene un salto de línea sin codificar o un carácter de control: un formulario los codifica con porcentaje (`%0A`)
invalid_form-repeated = esta clave de formulario aparece más de una vez
invalid_form-mixed = esta clave de formulario tiene a la vez un valor y claves anidadas
unrepresentable-address-empty = { $api } no puede guardar una dirección sin ciudad, país, línea, código postal ni provincia
unrepresentable-empty = { $api } lee un valor vacío como ausencia de valor; vacíelo para enviarlo sin él
unrepresentable-metadata-bracket = en { $api }, las claves de metadatos son claves de formulario: esta clave contiene `[` o `]`
unrepresentable-metadata-string = en { $api }, los valores de metadatos son textos; este no lo es
unrepresentable-shipping-name = { $api } necesita un nombre para una dirección de envío; esta no lo tiene
too_large = el documento ocupa más de { $limit } MiB
ignored_field = { $api } no conoce este campo y lo ignora

problem-invalid-title = Datos no válidos
problem-invalid-detail = el cuerpo de la solicitud incumple { $count } { $count ->
    [one] regla
   *[other] reglas
  }; consulte `errors`
problem-malformed-title = JSON mal formado
problem-malformed-detail = el cuerpo de la solicitud no es JSON bien formado
problem-too-large-title = Solicitud demasiado grande
problem-too-large-detail = el cuerpo de la solicitud supera el límite de { $limit } bytes
problem-media-type-title = Tipo de medio no admitido
problem-media-type-detail = el cuerpo de la solicitud debe ser JSON, enviado con `Content-Type: application/json`
problem-charset-title = Juego de caracteres no admitido
problem-charset-detail = el cuerpo de la solicitud debe ser JSON en UTF-8: su `Content-Type` indica otro juego de caracteres
problem-body-read-title = Solicitud ilegible
problem-body-read-detail = no se pudo leer el cuerpo de la solicitud
server-conflict = ya existe un cliente con esta dirección de correo electrónico
server-no-such-customer = ningún cliente tiene este id
server-not-found = no hay nada en esta dirección
server-method-not-allowed = esta dirección no admite este método
server-internal = el servidor no pudo completar la solicitud
server-timeout = la solicitud tardó demasiado y se detuvo
server-overloaded = el servidor está atendiendo tantas solicitudes como admite; inténtelo de nuevo en breve
server-unavailable = el servidor no pudo aceptar la solicitud
server-database-down = la base de datos no responde
server-no-webhooks = este servidor no acepta webhooks de { $provider } (no hay { $option })
server-unknown-api = el parámetro de consulta `api` debe ser uno de { $names }
server-bad-query = la cadena de consulta no se puede leer
server-bad-after = el parámetro de consulta `after` debe ser un id de cliente
server-bad-per-page = el parámetro de consulta `per_page` debe ser un número entero de 1 a { $max }
server-bad-status = el parámetro de consulta `status` debe ser una lista de active, archived separados por comas
server-repeated-parameter = el parámetro de consulta `{ $name }` aparece más de una vez
webhook-missing-signature = la firma del webhook no es válida: la cabecera `{ $header }` falta o está vacía
webhook-malformed-header = la firma del webhook no es válida: la cabecera `{ $header }` no se puede leer
webhook-no-matching-signature = la firma del webhook no es válida: ninguna firma de la cabecera corresponde al cuerpo con los secretos dados
webhook-stale = la firma del webhook no es válida: la marca de tiempo firmada tiene { $age } s, más que los { $tolerance } s permitidos
webhook-future = la firma del webhook no es válida: la marca de tiempo firmada está { $ahead } s en el futuro, más que los { $tolerance } s permitidos
webhook-malformed-body = la firma del webhook no es válida: el cuerpo no es un evento firmado
webhook-cannot-check = el servidor no puede comprobar las firmas de webhooks
webhook-not-an-event = el cuerpo firmado no es un evento

cli-summary = customer-model: { $read } { $read ->
    [one] documento leído
   *[other] documentos leídos
  }, { $valid } { $valid ->
    [one] válido
   *[other] válidos
  }, { $invalid } no { $invalid ->
    [one] válido
   *[other] válidos
  }, { $dropped } { $dropped ->
    [one] valor omitido
   *[other] valores omitidos
  }
cli-lossy-hint = customer-model: con --lossy, { $records } { $records ->
    [one] registro rechazado se convertiría
   *[other] registros rechazados se convertirían
  }, sin { $values } { $values ->
    [one] valor
   *[other] valores
  } que el destino no admite (un aviso por cada uno)
cli-dropped = omitido
cli-summary-warnings = , { $warnings } { $warnings ->
    [one] aviso
   *[other] avisos
  }
cli-summary-rejects = ; { $records } { $records ->
    [one] registro rechazado escrito
   *[other] registros rechazados escritos
  } en { $file }
cli-warning = aviso
cli-no-documents = customer-model: { $file }: ningún documento: la entrada está vacía o solo contiene líneas en blanco
