# customer-core: as mensagens em português. Identificadores e parâmetros: ver en.ftl.

email = deve ser um endereço de e-mail válido
email-too-long = deve ter no máximo { $max } { $max ->
    [one] caractere
   *[other] caracteres
  }
email-ascii = só pode conter caracteres ASCII
pattern = deve corresponder ao padrão `{ $pattern }`
id-exact = deve ser `{ $prefix }` seguido de exatamente { $min_len } { $min_len ->
    [one] caractere
   *[other] caracteres
  } de [{ $chars }]
id-at-least = deve ser `{ $prefix }` seguido de pelo menos { $min_len } { $min_len ->
    [one] caractere
   *[other] caracteres
  } de [{ $chars }]
id-between = deve ser `{ $prefix }` seguido de { $min_len } a { $max_len } caracteres de [{ $chars }]
locale = deve ser uma etiqueta de idioma válida (RFC 5646)
locale-short = deve ser uma etiqueta de idioma da forma idioma(-Escrita)(-REGIÃO), como `pt` ou `pt-PT`
locale-mollie-form = deve ser um idioma Mollie da forma `ll_CC`, como `en_US` ou `pt_PT`
locale-mollie-list = não é um idioma que a Mollie aceite; a Mollie aceita um de { $allowed } (BCP 47 `pt-PT` é `pt_PT` na Mollie)
metadata_too_large = deve ter no máximo { $max_bytes } { $max_bytes ->
    [one] byte
   *[other] bytes
  } de JSON compacto
metadata_invalid-depth = não pode aninhar listas e objetos em mais de { $max_depth } níveis
metadata_invalid = deve poder ser escrito em JSON
json_string = deve ser um texto com JSON
json_string-entries = deve conter uma lista JSON de objetos {"{"}key, value{"}"}, com um texto como key e um texto, número ou booleano como value
json_string-object = deve conter um objeto JSON de chaves e valores
json_string-object-string = deve ser um texto com um objeto JSON de chaves e valores
length-exact = deve ter um comprimento de exatamente { $min }
length-between = deve ter um comprimento entre { $min } e { $max }
length-min = deve ter um comprimento de pelo menos { $min }
length-max = deve ter um comprimento de no máximo { $max }
bytes-exact = deve ter exatamente { $min } { $min ->
    [one] byte
   *[other] bytes
  }
bytes-between = deve ter entre { $min } e { $max } bytes
bytes-min = deve ter pelo menos { $min } { $min ->
    [one] byte
   *[other] bytes
  }
bytes-max = deve ter no máximo { $max } { $max ->
    [one] byte
   *[other] bytes
  }
one_of = deve ser um destes valores: { $allowed }
one_of-expected = deve ser um destes valores: { $allowed }
country = deve ser um código de país ISO 3166-1 alfa-2 atribuído, em maiúsculas, como `PT`
phone = deve ser um número de telefone no formato E.164: `+`, um indicativo de país atribuído e o número, no máximo { $max_digits } dígitos
phone-calling-code = o indicativo de país deve ser um indicativo atribuído de 1 a 3 dígitos, sem `+`
phone-number = o número deve ter de 1 a { $max_digits } dígitos (15 no total com o indicativo)
phone-digits = o número só pode conter dígitos, sem `+`, espaços ou outros sinais (o indicativo é à parte)
url = deve ser um URL http ou https completo
timestamp = deve ser uma data e hora RFC 3339, como `1985-04-12T23:20:50.52Z`
range-between = deve estar entre { $min } e { $max }
range-min = deve ser pelo menos { $min }
range-max = deve ser no máximo { $max }
range-whole = deve ser um número inteiro de { $min } a { $max }
range-out = está fora do intervalo permitido
required = é obrigatório
required-api = a { $api } precisa deste valor para criar um cliente
required-paddle-email = é obrigatório: um cliente Paddle precisa de um endereço de e-mail
required-server-email = é obrigatório: este servidor só guarda clientes com um endereço de e-mail
malformed_json = JSON mal formado na linha { $line }, coluna { $column }
malformed_json-eof = o documento termina cedo demais, na linha { $line }, coluna { $column }
malformed_json-io = não foi possível ler o documento, na linha { $line }, coluna { $column }
malformed_json-number = um número fora do intervalo, na linha { $line }, coluna { $column }
malformed_json-body-utf8 = o corpo do pedido não é texto UTF-8
malformed_json-utf8 = o documento não é texto UTF-8
invalid_type-string = deve ser um texto
invalid_type-boolean = deve ser true ou false
invalid_type-number = deve ser um número
invalid_type-array = deve ser uma lista
invalid_type-object = deve ser um objeto
invalid_type-null = deve ser null
invalid_type = tem o tipo errado
invalid_type-metadata = deve ser um texto, um número, um objeto ou uma lista
missing_field = é obrigatório
unknown_field = não é um campo deste objeto
duplicate_field = aparece mais de uma vez
invalid_value = não é um valor válido
invalid_value-untagged = deve corresponder a uma das formas { $variants }
invalid_value-char = deve ser um único caractere
invalid_length-exact = deve ser uma lista de { $length } { $length ->
    [one] elemento
   *[other] elementos
  }
invalid_length-between = deve ser uma lista de { $min } a { $max } elementos
invalid_length-variant = deve ser um texto ou um objeto com exatamente { $length } { $length ->
    [one] chave
   *[other] chaves
  }
invalid_length-variant-object = deve ser um objeto com exatamente { $length } { $length ->
    [one] chave
   *[other] chaves
  }
invalid_length = tem o número errado de elementos
too_deep = está aninhado em mais de { $max } níveis
too_many_violations = tem { $count } erros; são indicados os primeiros { $max }
unchecked = algumas verificações não foram feitas: o documento está aninhado demasiado fundo para ser verificado por inteiro
unrepresentable-create = a { $api } não tem lugar para este valor ao criar um cliente; limpe-o para enviar sem ele
unrepresentable-update = a { $api } não tem lugar para este campo ao alterar um cliente; omita-o para enviar sem ele
unrepresentable-clear = a { $api } não pode limpar este campo numa alteração; omita-o para o manter, ou indique um valor
unrepresentable-json = não foi possível escrever em JSON
unrepresentable-metadata-object = na { $api }, os metadados são um objeto de chaves e valores; este valor não é, nem é uma lista de pares {"{"}key, value{"}"} distintos
unrepresentable-metadata-key = na { $api }, os metadados são um objeto: esta chave aparece mais de uma vez
unrepresentable-metadata-entries = na { $api }, os metadados são uma lista de pares {"{"}key, value{"}"} com valores de texto, número ou booleano; este valor não é
unrepresentable-custom-data = deve ser um objeto, ou uma lista de pares {"{"}key, value{"}"} distintos, para ser o custom_data de um cliente Paddle
unsupported-update = a { $api } não tem um pedido de alteração de cliente
unsupported-list = a { $api } não tem uma lista de clientes
unsupported-error = a { $api } não tem uma resposta de erro documentada
rejected = a { $api } recusou este valor
rejected-code = a { $api } recusou este valor (`{ $provider_code }`)
rejected-status = a { $api } recusou este valor (HTTP { $status })
rejected-request = a { $api } recusou o pedido
rejected-request-code = a { $api } recusou o pedido (erro { $provider_code })
not_this_api = não tem nenhum dos campos de um documento { $api }: é um documento de outra API?
required-empty-body = não tem nenhum valor que um pedido { $api } de criação de cliente contenha: o pedido ficaria vazio
one_of-true = deve ser true
length-metadata-keys = deve ter no máximo { $max } chaves
length-metadata-key = uma chave de metadados deve ter de 1 a { $max } caracteres
length-metadata-value = um valor de metadados deve ter no máximo { $max } caracteres
invalid_form = não foi possível ler o formulário
invalid_form-too-many = o formulário tem mais parâmetros do que a Stripe lê
invalid_form-utf8 = uma chave ou um valor do formulário não é UTF-8 depois de descodificados os percentos
invalid_form-key = uma chave de formulário é um nome de parâmetro seguido de segmentos `[key]`
invalid_form-segments = os segmentos de uma chave de formulário têm a forma `[key]`
invalid_form-bracket = um `[` de uma chave de formulário não está fechado
invalid_form-deep = uma chave de formulário está aninhada a demasiada profundidade
invalid_form-control = um formulário contém uma quebra de linha não codificada ou um carácter de controlo: um formulário codifica-os com percentagem (`%0A`)
invalid_form-repeated = esta chave de formulário aparece mais de uma vez
invalid_form-mixed = esta chave de formulário tem ao mesmo tempo um valor e chaves aninhadas
unrepresentable-address-empty = a { $api } não pode guardar uma morada sem localidade, país, linha, código postal ou distrito
unrepresentable-empty = a { $api } lê um valor vazio como ausência de valor; limpe-o para enviar sem ele
unrepresentable-metadata-bracket = na { $api }, as chaves de metadados são chaves de formulário: esta chave contém `[` ou `]`
unrepresentable-metadata-string = na { $api }, os valores de metadados são textos; este não é
unrepresentable-shipping-name = a { $api } precisa de um nome para uma morada de envio; esta não tem
too_large = o documento tem mais de { $limit } MiB
ignored_field = a { $api } não conhece este campo e ignora-o

problem-invalid-title = Dados inválidos
problem-invalid-detail = o corpo do pedido infringe { $count } { $count ->
    [one] regra
   *[other] regras
  }; veja `errors`
problem-malformed-title = JSON mal formado
problem-malformed-detail = o corpo do pedido não é JSON bem formado
problem-too-large-title = Pedido demasiado grande
problem-too-large-detail = o corpo do pedido excede o limite de { $limit } bytes
problem-media-type-title = Tipo de conteúdo não suportado
problem-media-type-detail = o corpo do pedido deve ser JSON, enviado com `Content-Type: application/json`
problem-charset-title = Conjunto de caracteres não suportado
problem-charset-detail = o corpo do pedido deve ser JSON em UTF-8: o seu `Content-Type` indica outro conjunto de caracteres
problem-body-read-title = Pedido ilegível
problem-body-read-detail = não foi possível ler o corpo do pedido
server-conflict = já existe um cliente com este endereço de e-mail
server-no-such-customer = nenhum cliente tem este id
server-not-found = não há nada neste endereço
server-method-not-allowed = este endereço não aceita este método
server-internal = o servidor não conseguiu concluir o pedido
server-timeout = o pedido demorou demasiado e foi interrompido
server-overloaded = o servidor está a tratar todos os pedidos que aceita; tente novamente daqui a pouco
server-unavailable = o servidor não conseguiu aceitar o pedido
server-database-down = a base de dados não responde
server-no-webhooks = este servidor não aceita webhooks de { $provider } (sem { $option })
server-unknown-api = o parâmetro de consulta `api` deve ser um de { $names }
server-bad-query = a cadeia de consulta não pode ser lida
server-bad-after = o parâmetro de consulta `after` deve ser um id de cliente
server-bad-per-page = o parâmetro de consulta `per_page` deve ser um número inteiro de 1 a { $max }
server-bad-status = o parâmetro de consulta `status` deve ser uma lista de active, archived separados por vírgulas
server-repeated-parameter = o parâmetro de consulta `{ $name }` é indicado mais de uma vez
webhook-missing-signature = a assinatura do webhook não é válida: o cabeçalho `{ $header }` falta ou está vazio
webhook-malformed-header = a assinatura do webhook não é válida: o cabeçalho `{ $header }` não pode ser lido
webhook-no-matching-signature = a assinatura do webhook não é válida: nenhuma assinatura do cabeçalho corresponde ao corpo com os segredos dados
webhook-stale = a assinatura do webhook não é válida: o carimbo de data/hora assinado tem { $age } s, mais do que os { $tolerance } s permitidos
webhook-future = a assinatura do webhook não é válida: o carimbo de data/hora assinado está { $ahead } s no futuro, mais do que os { $tolerance } s permitidos
webhook-malformed-body = a assinatura do webhook não é válida: o corpo não é um evento assinado
webhook-cannot-check = o servidor não consegue verificar assinaturas de webhooks
webhook-not-an-event = o corpo assinado não é um evento

cli-summary = customer-model: { $read } { $read ->
    [one] documento lido
   *[other] documentos lidos
  }, { $valid } { $valid ->
    [one] válido
   *[other] válidos
  }, { $invalid } { $invalid ->
    [one] inválido
   *[other] inválidos
  }, { $dropped } { $dropped ->
    [one] valor omitido
   *[other] valores omitidos
  }
cli-lossy-hint = customer-model: com --lossy, { $records } { $records ->
    [one] registo recusado seria convertido
   *[other] registos recusados seriam convertidos
  }, sem { $values } { $values ->
    [one] valor
   *[other] valores
  } que o destino não consegue guardar (um aviso por cada)
cli-dropped = omitido
cli-summary-warnings = , { $warnings } { $warnings ->
    [one] aviso
   *[other] avisos
  }
cli-summary-rejects = ; { $records } { $records ->
    [one] registo recusado escrito
   *[other] registos recusados escritos
  } em { $file }
cli-warning = aviso
cli-no-documents = customer-model: { $file }: nenhum documento: a entrada está vazia ou contém apenas linhas em branco
