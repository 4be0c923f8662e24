#!/bin/sh
# Makes the Learn page's prepared tokens and keys, once. Run from this folder with the path of a
# built jwtwb: ./make-lessons.sh ../../../build/app/jwtwb
# The private keys are throwaway keys made here and deleted at the end: only public keys are kept.
# The secrets are in the lesson texts (or, for weak-secret.jwt, in the bundled wordlist) on purpose.
set -eu
jwtwb=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sign() { "$jwtwb" sign --allow-weak-keys "$@"; }

sign --alg HS256 --secret learn-parts-lesson-secret-32-bytes \
    --payload '{"sub":"learner","name":"Ada","iat":1767225600,"exp":4102444800}' >parts.jwt
sign --alg HS256 --secret learn-claims-lesson-secret-32-bytes \
    --payload '{"iss":"https://issuer.example","sub":"learner","aud":"workbench","iat":1767225600,"exp":1767229200000}' >claims.jwt
"$jwtwb" encrypt --alg A128KW --enc A128GCM --secret learn-jwe-key-16 \
    --payload '{"sub":"learner","email":"ada@example.com","iat":1767225600,"exp":4102444800}' >jwe.jwt
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$tmp/issuer.pem" 2>/dev/null
openssl pkey -in "$tmp/issuer.pem" -pubout -out issuer-public.pem
sign --alg ES256 --key "$tmp/issuer.pem" \
    --payload '{"iss":"https://issuer.example","sub":"learner","iat":1767225600,"exp":4102444800}' >asymmetric.jwt
sign --alg none --unsecured --payload '{"sub":"learner","admin":true,"iat":1767225600,"exp":4102444800}' >alg-none.jwt
# RS256 -> HS256: the attacker signs with the server's RSA public key, as PEM text, as the HMAC secret.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$tmp/server.pem" 2>/dev/null
openssl pkey -in "$tmp/server.pem" -pubout -out server-public.pem
sign --alg HS256 --secret-file server-public.pem --header '{"typ":"JWT"}' \
    --payload '{"sub":"learner","admin":true,"iat":1767225600,"exp":4102444800}' >confusion.jwt
# "changeme" is in resources/wordlists/jwt.secrets.list.
sign --alg HS256 --secret changeme --payload '{"sub":"learner","role":"user","iat":1767225600,"exp":4102444800}' \
    >weak-secret.jwt
sign --alg HS256 --secret learn-kid-lesson-secret-32-bytes-long \
    --header '{"typ":"JWT","kid":"../../../../dev/null","jku":"https://attacker.example/.well-known/jwks.json"}' \
    --payload '{"sub":"learner","iat":1767225600,"exp":4102444800}' >kid-jku.jwt
sign --alg HS256 --secret learn-leeway-lesson-secret-32-bytes \
    --payload '{"sub":"learner","iat":1767224700,"exp":1767225600}' >leeway.jwt
sign --alg HS256 --secret learn-revocation-lesson-secret-32 \
    --payload '{"sub":"learner","jti":"learn-7f3a9c","iat":1767225600,"exp":4102444800}' >revocation.jwt
# Rotation: two signing keys, the token signed with the newer; the set publishes both public halves.
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$tmp/old.pem" 2>/dev/null
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$tmp/new.pem" 2>/dev/null
sign --alg ES256 --key "$tmp/new.pem" --header '{"typ":"JWT","kid":"learn-2026-02"}' \
    --payload '{"iss":"https://issuer.example","sub":"learner","iat":1767225600,"exp":4102444800}' >rotation.jwt
old=$("$jwtwb" key public --to jwk "$tmp/old.pem")
new=$("$jwtwb" key public --to jwk "$tmp/new.pem")
python3 - "$old" "$new" >rotation-jwks.json <<'PY'
import json, sys
old, new = (json.loads(a) for a in sys.argv[1:3])
old.update(kid="learn-2025-08", alg="ES256", use="sig")
new.update(kid="learn-2026-02", alg="ES256", use="sig")
print(json.dumps({"keys": [old, new]}, indent=2))
PY
