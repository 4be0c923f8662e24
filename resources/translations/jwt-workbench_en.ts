<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>EncryptionSteps</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::DecoderPage</name>
    <message numerus="yes">
        <source>, and %n more invalid sequence(s)</source>
        <translation>
            <numerusform>, and %n more invalid sequence</numerusform>
            <numerusform>, and %n more invalid sequences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Findings · %n error(s)</source>
        <translation>
            <numerusform>Findings · %n error</numerusform>
            <numerusform>Findings · %n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n digest(s) are not disclosed (decoys included); their claims cannot be recovered from the token.</source>
        <translation>
            <numerusform>%n digest is not disclosed (it may be a decoy); its claim cannot be recovered from the token.</numerusform>
            <numerusform>%n digests are not disclosed (decoys included); their claims cannot be recovered from the token.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disclosure(s)</source>
        <translation>
            <numerusform>%n disclosure</numerusform>
            <numerusform>%n disclosures</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::DpopChecksView</name>
    <message numerus="yes">
        <source>Invalid DPoP proof: %n check(s) fail</source>
        <translation>
            <numerusform>Invalid DPoP proof: %n check fails</numerusform>
            <numerusform>Invalid DPoP proof: %n checks fail</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::KeyInput</name>
    <message numerus="yes">
        <source>A shared key or passphrase: %n byte(s), written as %1.</source>
        <translation>
            <numerusform>A shared key or passphrase: %n byte, written as %1.</numerusform>
            <numerusform>A shared key or passphrase: %n bytes, written as %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::KeysPage</name>
    <message numerus="yes">
        <source>Keystore unlocked: %n key(s)</source>
        <translation>
            <numerusform>Keystore unlocked: %n key</numerusform>
            <numerusform>Keystore unlocked: %n keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The keystore locked itself after %n minute(s) without input</source>
        <translation>
            <numerusform>The keystore locked itself after %n minute without input</numerusform>
            <numerusform>The keystore locked itself after %n minutes without input</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::KeystoreActions</name>
    <message numerus="yes">
        <source>Imported %n key(s)</source>
        <translation>
            <numerusform>Imported %n key</numerusform>
            <numerusform>Imported %n keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n key(s) into memory only: the keystore is not saved</source>
        <translation>
            <numerusform>Imported %n key into memory only: the keystore is not saved</numerusform>
            <numerusform>Imported %n keys into memory only: the keystore is not saved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied the public JWK Set of %n key(s); secrets left out</source>
        <translation>
            <numerusform>Copied the public JWK Set of %n key; secrets left out</numerusform>
            <numerusform>Copied the public JWK Set of %n keys; secrets left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied the public JWK Set of %n key(s)</source>
        <translation>
            <numerusform>Copied the public JWK Set of %n key</numerusform>
            <numerusform>Copied the public JWK Set of %n keys</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::LearnPage</name>
    <message numerus="yes">
        <source>%n of %1 lessons done</source>
        <translation>
            <numerusform>%n of %1 lessons done</numerusform>
            <numerusform>%n of %1 lessons done</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::RotationPage</name>
    <message numerus="yes">
        <source>Verified only by a retired key: %n token(s). Once the retired keys are removed: %1</source>
        <translation>
            <numerusform>Verified only by a retired key: %n token. Once the retired keys are removed: %1</numerusform>
            <numerusform>Verified only by a retired key: %n tokens. Once the retired keys are removed: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::RotationRehearsal</name>
    <message numerus="yes">
        <source>Left out %n HMAC secret(s): they have no public half to publish.</source>
        <translation>
            <numerusform>Left out %n HMAC secret: it has no public half to publish.</numerusform>
            <numerusform>Left out %n HMAC secrets: they have no public half to publish.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Took the public halves of %n key(s) from the keystore.</source>
        <translation>
            <numerusform>Took the public halves of %n key from the keystore.</numerusform>
            <numerusform>Took the public halves of %n keys from the keystore.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only the first %1 tokens are rehearsed; %n more left out.</source>
        <translation>
            <numerusform>Only the first %1 tokens are rehearsed; %n more left out.</numerusform>
            <numerusform>Only the first %1 tokens are rehearsed; %n more left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n HMAC secret(s) left out: a secret is never published in a JWK Set.</source>
        <translation>
            <numerusform>%n HMAC secret left out: a secret is never published in a JWK Set.</numerusform>
            <numerusform>%n HMAC secrets left out: a secret is never published in a JWK Set.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::SdDisclosureTree</name>
    <message numerus="yes">
        <source>object, %n member(s)</source>
        <translation>
            <numerusform>object, %n member</numerusform>
            <numerusform>object, %n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>array, %n element(s)</source>
        <translation>
            <numerusform>array, %n element</numerusform>
            <numerusform>array, %n elements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::SdJwtChecksView</name>
    <message numerus="yes">
        <source>This is an SD-JWT presentation (RFC 9901) with %n disclosure(s) and a key binding JWT, signed by the holder key in cnf.jwk. The key below verifies the issuer&apos;s signature.</source>
        <translation>
            <numerusform>This is an SD-JWT presentation (RFC 9901) with %n disclosure and a key binding JWT, signed by the holder key in cnf.jwk. The key below verifies the issuer&apos;s signature.</numerusform>
            <numerusform>This is an SD-JWT presentation (RFC 9901) with %n disclosures and a key binding JWT, signed by the holder key in cnf.jwk. The key below verifies the issuer&apos;s signature.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This is an SD-JWT (RFC 9901) with %n disclosure(s) and no key binding JWT. The key below verifies the issuer&apos;s signature.</source>
        <translation>
            <numerusform>This is an SD-JWT (RFC 9901) with %n disclosure and no key binding JWT. The key below verifies the issuer&apos;s signature.</numerusform>
            <numerusform>This is an SD-JWT (RFC 9901) with %n disclosures and no key binding JWT. The key below verifies the issuer&apos;s signature.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s); the first: %1 (%2)</source>
        <translation>
            <numerusform>%n problem: %1 (%2)</numerusform>
            <numerusform>%n problems; the first: %1 (%2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Each of the %n disclosure(s) matches a digest the issuer signed, in its place.</source>
        <translation>
            <numerusform>The %n disclosure matches a digest the issuer signed, in its place.</numerusform>
            <numerusform>Each of the %n disclosures matches a digest the issuer signed, in its place.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n digest(s) are not disclosed (decoys included); what they hide cannot be read from the token.</source>
        <translation>
            <numerusform>%n digest is not disclosed (decoys included); what it hides cannot be read from the token.</numerusform>
            <numerusform>%n digests are not disclosed (decoys included); what they hide cannot be read from the token.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Invalid SD-JWT: %n check(s) fail</source>
        <translation>
            <numerusform>Invalid SD-JWT: %n check fails</numerusform>
            <numerusform>Invalid SD-JWT: %n checks fail</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::SdPresentDialog</name>
    <message numerus="yes">
        <source>An SD-JWT with %n disclosure(s), _sd_alg %1.</source>
        <translation>
            <numerusform>An SD-JWT with %n disclosure, _sd_alg %1.</numerusform>
            <numerusform>An SD-JWT with %n disclosures, _sd_alg %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jwtwb::ui::TimelineWidget</name>
    <message numerus="yes">
        <source>… and %n more (hover for all)</source>
        <translation>
            <numerusform>… and %n more (hover for all)</numerusform>
            <numerusform>… and %n more (hover for all)</numerusform>
        </translation>
    </message>
</context>
</TS>
