<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Plural</name>
    <message numerus="yes">
        <source>%n chosen</source>
        <translation>
            <numerusform>%n chosen</numerusform>
            <numerusform>%n chosen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n session(s)</source>
        <translation>
            <numerusform>{done} of %n session</numerusform>
            <numerusform>{done} of %n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n client</numerusform>
            <numerusform>%n clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) not counted (under {minutes} min, simulated, replayed or without a pacer; kept in the table)</source>
        <translation>
            <numerusform>%n session not counted (under {minutes} min, simulated, replayed or without a pacer; kept in the table)</numerusform>
            <numerusform>%n sessions not counted (under {minutes} min, simulated, replayed or without a pacer; kept in the table)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) in a row</source>
        <translation>
            <numerusform>%n day in a row</numerusform>
            <numerusform>%n days in a row</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{total} in %n session(s)</source>
        <translation>
            <numerusform>{total} in %n session</numerusform>
            <numerusform>{total} in %n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n week(s) ago).</source>
        <translation>
            <numerusform>(%n week ago).</numerusform>
            <numerusform>(%n weeks ago).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This week (from {day}): {done} on %n day(s).</source>
        <translation>
            <numerusform>This week (from {day}): {done} on %n day.</numerusform>
            <numerusform>This week (from {day}): {done} on %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n short, simulated, replayed or unpaced session(s) (under {minutes} min, or without a pacer) kept but not counted.</source>
        <translation>
            <numerusform>%n short, simulated, replayed or unpaced session (under {minutes} min, or without a pacer) kept but not counted.</numerusform>
            <numerusform>%n short, simulated, replayed or unpaced sessions (under {minutes} min, or without a pacer) kept but not counted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{first} – {last}, %n week(s)</source>
        <translation>
            <numerusform>{first} – {last}, %n week</numerusform>
            <numerusform>{first} – {last}, %n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Counted: {sessions} practice sessions and %n resonance assessment(s).</source>
        <translation>
            <numerusform>Counted: {sessions} practice sessions and %n resonance assessment.</numerusform>
            <numerusform>Counted: {sessions} practice sessions and %n resonance assessments.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{item} %n point(s) lower</source>
        <translation>
            <numerusform>{item} %n point lower</numerusform>
            <numerusform>{item} %n points lower</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{item} %n point(s) higher</source>
        <translation>
            <numerusform>{item} %n point higher</numerusform>
            <numerusform>{item} %n points higher</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) of practice</source>
        <translation>
            <numerusform>%n day of practice</numerusform>
            <numerusform>%n days of practice</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(a missed day forgiven %n times)</source>
        <translation>
            <numerusform>(a missed day forgiven %n time)</numerusform>
            <numerusform>(a missed day forgiven %n times)</numerusform>
        </translation>
    </message>
</context>
</TS>
