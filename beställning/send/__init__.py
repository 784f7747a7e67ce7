"""Sending the order (beställning) to FK: attachments checklist, personnummer guard, message, SMTP, hand-off.

Modules, bottom up: `pnr` (recognising personal identity numbers), `scan` (finding them in files and
free text), `checklist` (what FK needs for the route, numbered and named), `package` (the files built
and collected), `guard` (everything that must stop a send), `message` (the email), `smtp` (sending it),
`handoff` (.eml draft, mail program, folder) and `record` (what was sent, kept with the order).
"""
