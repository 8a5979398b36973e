# customer-core : les messages en français. Identifiants et paramètres : voir en.ftl.

email = doit être une adresse e-mail valide
email-too-long = doit comporter au plus { $max } { $max ->
    [one] caractère
   *[other] caractères
  }
email-ascii = ne doit contenir que des caractères ASCII
pattern = doit correspondre au motif `{ $pattern }`
id-exact = doit être `{ $prefix }` suivi d’exactement { $min_len } { $min_len ->
    [one] caractère
   *[other] caractères
  } parmi [{ $chars }]
id-at-least = doit être `{ $prefix }` suivi d’au moins { $min_len } { $min_len ->
    [one] caractère
   *[other] caractères
  } parmi [{ $chars }]
id-between = doit être `{ $prefix }` suivi de { $min_len } à { $max_len } caractères parmi [{ $chars }]
locale = doit être une étiquette de langue valide (RFC 5646)
locale-short = doit être une étiquette de langue de la forme langue(-Écriture)(-RÉGION), comme `fr` ou `fr-FR`
locale-mollie-form = doit être une langue Mollie de la forme `ll_CC`, comme `en_US` ou `fr_FR`
locale-mollie-list = n’est pas une langue proposée par Mollie ; Mollie accepte l’une de { $allowed } (BCP 47 `fr-FR` correspond à `fr_FR` chez Mollie)
metadata_too_large = doit faire au plus { $max_bytes } { $max_bytes ->
    [one] octet
   *[other] octets
  } de JSON compact
metadata_invalid-depth = ne doit pas imbriquer les tableaux et objets sur plus de { $max_depth } niveaux
metadata_invalid = doit pouvoir s’écrire en JSON
json_string = doit être une chaîne contenant du JSON
json_string-entries = doit contenir un tableau JSON d’objets {"{"}key, value{"}"}, avec une chaîne pour key et une chaîne, un nombre ou un booléen pour value
json_string-object = doit contenir un objet JSON de clés et de valeurs
json_string-object-string = doit être une chaîne contenant un objet JSON de clés et de valeurs
length-exact = doit avoir une longueur d’exactement { $min }
length-between = doit avoir une longueur comprise entre { $min } et { $max }
length-min = doit avoir une longueur d’au moins { $min }
length-max = doit avoir une longueur d’au plus { $max }
bytes-exact = doit faire exactement { $min } { $min ->
    [one] octet
   *[other] octets
  }
bytes-between = doit faire entre { $min } et { $max } octets
bytes-min = doit faire au moins { $min } { $min ->
    [one] octet
   *[other] octets
  }
bytes-max = doit faire au plus { $max } { $max ->
    [one] octet
   *[other] octets
  }
one_of = doit être l’une de ces valeurs : { $allowed }
one_of-expected = doit être l’une de ces valeurs : { $allowed }
country = doit être un code pays ISO 3166-1 alpha-2 attribué, en majuscules, comme `FR`
phone = doit être un numéro de téléphone au format E.164 : `+`, un indicatif pays attribué et le numéro, { $max_digits } chiffres au plus
phone-calling-code = l’indicatif pays doit être un indicatif attribué de 1 à 3 chiffres, sans `+`
phone-number = le numéro doit comporter de 1 à { $max_digits } chiffres (15 au total avec l’indicatif)
phone-digits = le numéro ne doit contenir que des chiffres, sans `+`, espaces ni autres signes (l’indicatif est à part)
url = doit être une URL http ou https complète
timestamp = doit être une date et heure RFC 3339, comme `1985-04-12T23:20:50.52Z`
range-between = doit être compris entre { $min } et { $max }
range-min = doit être au moins { $min }
range-max = doit être au plus { $max }
range-whole = doit être un nombre entier de { $min } à { $max }
range-out = est hors de la plage autorisée
required = est obligatoire
required-api = { $api } a besoin de cette valeur pour créer un client
required-paddle-email = est obligatoire : un client Paddle doit avoir une adresse e-mail
required-server-email = est obligatoire : ce serveur ne conserve que les clients ayant une adresse e-mail
malformed_json = JSON mal formé à la ligne { $line }, colonne { $column }
malformed_json-eof = le document se termine trop tôt, à la ligne { $line }, colonne { $column }
malformed_json-io = le document n’a pas pu être lu, à la ligne { $line }, colonne { $column }
malformed_json-number = un nombre hors limites, à la ligne { $line }, colonne { $column }
malformed_json-body-utf8 = le corps de la requête n’est pas du texte UTF-8
malformed_json-utf8 = le document n’est pas du texte UTF-8
invalid_type-string = doit être une chaîne de caractères
invalid_type-boolean = doit être true ou false
invalid_type-number = doit être un nombre
invalid_type-array = doit être un tableau
invalid_type-object = doit être un objet
invalid_type-null = doit être null
invalid_type = n’a pas le bon type
invalid_type-metadata = doit être une chaîne, un nombre, un objet ou un tableau
missing_field = est obligatoire
unknown_field = n’est pas un champ de cet objet
duplicate_field = apparaît plus d’une fois
invalid_value = n’est pas une valeur valide
invalid_value-untagged = doit correspondre à l’une des formes { $variants }
invalid_value-char = doit être un seul caractère
invalid_length-exact = doit être un tableau de { $length } { $length ->
    [one] élément
   *[other] éléments
  }
invalid_length-between = doit être un tableau de { $min } à { $max } éléments
invalid_length-variant = doit être une chaîne ou un objet d’exactement { $length } { $length ->
    [one] clé
   *[other] clés
  }
invalid_length-variant-object = doit être un objet d’exactement { $length } { $length ->
    [one] clé
   *[other] clés
  }
invalid_length = n’a pas le bon nombre d’éléments
too_deep = est imbriqué sur plus de { $max } niveaux
too_many_violations = comporte { $count } erreurs ; seules les { $max } premières sont signalées
unchecked = certaines vérifications n’ont pas été faites : le document est trop profondément imbriqué pour être vérifié en entier
unrepresentable-create = { $api } n’a pas de place pour cette valeur à la création d’un client ; videz-la pour envoyer sans elle
unrepresentable-update = { $api } n’a pas de place pour ce champ à la modification d’un client ; omettez-le pour envoyer sans lui
unrepresentable-clear = { $api } ne peut pas vider ce champ lors d’une modification ; omettez-le pour le garder, ou donnez une valeur
unrepresentable-json = n’a pas pu être écrit en JSON
unrepresentable-metadata-object = chez { $api }, les métadonnées sont un objet de clés et de valeurs ; cette valeur n’en est pas un, ni une liste de paires {"{"}key, value{"}"} distinctes
unrepresentable-metadata-key = chez { $api }, les métadonnées sont un objet : cette clé apparaît plus d’une fois
unrepresentable-metadata-entries = chez { $api }, les métadonnées sont une liste de paires {"{"}key, value{"}"} aux valeurs chaîne, nombre ou booléen ; cette valeur n’en est pas une
unrepresentable-custom-data = doit être un objet, ou une liste de paires {"{"}key, value{"}"} distinctes, pour être le custom_data d’un client Paddle
unsupported-update = { $api } n’a pas de requête de modification de client
unsupported-list = { $api } n’a pas de liste de clients
unsupported-error = { $api } n’a pas de réponse d’erreur documentée
rejected = { $api } a refusé cette valeur
rejected-code = { $api } a refusé cette valeur (`{ $provider_code }`)
rejected-status = { $api } a refusé cette valeur (HTTP { $status })
rejected-request = { $api } a refusé la requête
rejected-request-code = { $api } a refusé la requête (erreur { $provider_code })
not_this_api = n’a aucun des champs d’un document { $api } : est-ce un document d’une autre API ?
required-empty-body = n’a aucune valeur que contient une requête { $api } de création de client : la requête serait vide
one_of-true = doit être true
length-metadata-keys = doit avoir au plus { $max } clés
length-metadata-key = une clé de métadonnées doit comporter de 1 à { $max } caractères
length-metadata-value = une valeur de métadonnées doit comporter au plus { $max } caractères
invalid_form = le formulaire n’a pas pu être lu
invalid_form-too-many = le formulaire a plus de paramètres que Stripe n’en lit
invalid_form-utf8 = une clé ou une valeur du formulaire n’est pas en UTF-8 une fois les pourcentages décodés
invalid_form-key = une clé de formulaire est un nom de paramètre suivi de segments `[key]`
invalid_form-segments = les segments d’une clé de formulaire s’écrivent `[key]`
invalid_form-bracket = un `[` d’une clé de formulaire n’est pas fermé
invalid_form-deep = une clé de formulaire est imbriquée trop profondément
invalid_form-control = un formulaire contient un saut de ligne brut ou un caractère de contrôle : un formulaire les encode en pourcentage (`%0A`)
invalid_form-repeated = cette clé de formulaire est donnée plus d’une fois
invalid_form-mixed = cette clé de formulaire a à la fois une valeur et des clés imbriquées
unrepresentable-address-empty = { $api } ne peut pas enregistrer une adresse sans ville, pays, ligne d’adresse, code postal ni région
unrepresentable-empty = { $api } lit une valeur vide comme une absence de valeur ; videz-la pour envoyer sans elle
unrepresentable-metadata-bracket = chez { $api }, les clés de métadonnées sont des clés de formulaire : cette clé contient un `[` ou un `]`
unrepresentable-metadata-string = chez { $api }, les valeurs de métadonnées sont des textes ; celle-ci n’en est pas un
unrepresentable-shipping-name = { $api } a besoin d’un nom pour une adresse de livraison ; celle-ci n’en a pas
too_large = le document dépasse { $limit } Mio
ignored_field = { $api } ne connaît pas ce champ et l’ignore

problem-invalid-title = Données non valides
problem-invalid-detail = le corps de la requête enfreint { $count } { $count ->
    [one] règle
   *[other] règles
  } ; voir `errors`
problem-malformed-title = JSON mal formé
problem-malformed-detail = le corps de la requête n’est pas du JSON bien formé
problem-too-large-title = Requête trop volumineuse
problem-too-large-detail = le corps de la requête dépasse la limite de { $limit } octets
problem-media-type-title = Type de média non pris en charge
problem-media-type-detail = le corps de la requête doit être du JSON, envoyé avec `Content-Type: application/json`
problem-charset-title = Jeu de caractères non pris en charge
problem-charset-detail = le corps de la requête doit être du JSON en UTF-8 : son `Content-Type` indique un autre jeu de caractères
problem-body-read-title = Requête illisible
problem-body-read-detail = le corps de la requête n’a pas pu être lu
server-conflict = un client avec cette adresse e-mail existe déjà
server-no-such-customer = aucun client n’a cet identifiant
server-not-found = il n’y a rien à cette adresse
server-method-not-allowed = cette adresse n’accepte pas cette méthode
server-internal = le serveur n’a pas pu traiter la requête
server-timeout = la requête a pris trop de temps et a été interrompue
server-overloaded = le serveur traite déjà autant de requêtes qu’il en accepte ; réessayez dans un instant
server-unavailable = le serveur n’a pas pu prendre la requête
server-database-down = la base de données ne répond pas
server-no-webhooks = ce serveur n’accepte pas de webhooks { $provider } (pas de { $option })
server-unknown-api = le paramètre de requête `api` doit être l’un de { $names }
server-bad-query = la chaîne de requête est illisible
server-bad-after = le paramètre de requête `after` doit être un identifiant de client
server-bad-per-page = le paramètre de requête `per_page` doit être un nombre entier de 1 à { $max }
server-bad-status = le paramètre de requête `status` doit être une liste de active, archived séparés par des virgules
server-repeated-parameter = le paramètre de requête `{ $name }` est donné plus d’une fois
webhook-missing-signature = la signature du webhook n’est pas valable : l’en-tête `{ $header }` est absent ou vide
webhook-malformed-header = la signature du webhook n’est pas valable : l’en-tête `{ $header }` est illisible
webhook-no-matching-signature = la signature du webhook n’est pas valable : aucune signature de l’en-tête ne correspond au corps avec les secrets donnés
webhook-stale = la signature du webhook n’est pas valable : l’horodatage signé date de { $age } s, plus que les { $tolerance } s permises
webhook-future = la signature du webhook n’est pas valable : l’horodatage signé est { $ahead } s dans le futur, plus que les { $tolerance } s permises
webhook-malformed-body = la signature du webhook n’est pas valable : le corps n’est pas un événement signé
webhook-cannot-check = le serveur ne peut pas vérifier les signatures de webhooks
webhook-not-an-event = le corps signé n’est pas un événement

cli-summary = customer-model : { $read } { $read ->
    [one] document lu
   *[other] documents lus
  }, { $valid } { $valid ->
    [one] valide
   *[other] valides
  }, { $invalid } non { $invalid ->
    [one] valide
   *[other] valides
  }, { $dropped } { $dropped ->
    [one] valeur omise
   *[other] valeurs omises
  }
cli-lossy-hint = customer-model : avec --lossy, { $records } { $records ->
    [one] enregistrement refusé serait converti
   *[other] enregistrements refusés seraient convertis
  }, sans { $values } { $values ->
    [one] valeur
   *[other] valeurs
  } que la cible ne peut pas contenir (un avertissement chacune)
cli-dropped = omis
cli-summary-warnings = , { $warnings } { $warnings ->
    [one] avertissement
   *[other] avertissements
  }
cli-summary-rejects = { " ;" } { $records } { $records ->
    [one] enregistrement refusé écrit
   *[other] enregistrements refusés écrits
  } dans { $file }
cli-warning = avertissement
cli-no-documents = customer-model : { $file } : aucun document : l’entrée est vide ou ne contient que des lignes vides
