<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
<context>
    <name>AboutBox</name>
    <message>
        <source>Om Beställningsassistenten</source>
        <translation>About Beställningsassistenten</translation>
    </message>
    <message>
        <source>Blankettens underlag</source>
        <translation>Basis of the form</translation>
    </message>
    <message>
        <source>Variabelkatalogen</source>
        <translation>Variable catalogue</translation>
    </message>
    <message>
        <source>Kostnadsmodellens timpris</source>
        <translation>Cost model&apos;s hourly rate</translation>
    </message>
    <message>
        <source>Hjälper dig att beställa individdata från Försäkringskassan.</source>
        <translation>Helps you order individual-level data from Försäkringskassan.</translation>
    </message>
    <message>
        <source>Uppgifterna i programmet bygger på</source>
        <translation>The information in the program is based on</translation>
    </message>
    <message>
        <source>odaterat</source>
        <translation>undated</translation>
    </message>
    <message>
        <source>äldre än ett år</source>
        <translation>older than a year</translation>
    </message>
    <message>
        <source>Något av underlaget är mer än %1 dagar gammalt. Kontrollera Försäkringskassans sidor (blankett, variabellistor, timpris) innan du skickar, eller installera en nyare version.</source>
        <translation>Some of this information is more than %1 days old. Check Försäkringskassan&apos;s pages (form, variable lists, hourly rate) before you send, or install a newer version.</translation>
    </message>
    <message>
        <source>Versioner</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>Licens: MIT. Typsnittet i diagrammen: DejaVu Sans (fri licens).</source>
        <translation>Licence: MIT. The font in the charts: DejaVu Sans (free licence).</translation>
    </message>
</context>
<context>
    <name>AttachmentsEditor</name>
    <message>
        <source>Lägg till fil…</source>
        <translation>Add file…</translation>
    </message>
    <message>
        <source>Du kan också dra filer hit. Nyckelfilen med personnummer ska aldrig bifogas.</source>
        <translation>You can also drag files here. Never attach the key file with personal identity numbers.</translation>
    </message>
    <message>
        <source>Lägg tillbaka bilagan som togs bort</source>
        <translation>Put back the attachment that was removed</translation>
    </message>
    <message>
        <source>Välj bilagor</source>
        <translation>Choose attachments</translation>
    </message>
    <message>
        <source>”%1” togs bort.</source>
        <translation>“%1” was removed.</translation>
    </message>
    <message>
        <source>Den ifyllda blanketten</source>
        <translation>The completed form</translation>
    </message>
    <message>
        <source>Skapas automatiskt: </source>
        <translation>Created automatically: </translation>
    </message>
    <message>
        <source> (saknas)</source>
        <translation> (missing)</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Ta bort bilaga %1</source>
        <translation>Remove attachment %1</translation>
    </message>
    <message>
        <source>Ta bort bilagan (Alt+Delete). Du kan ångra.</source>
        <translation>Remove the attachment (Alt+Delete). You can undo.</translation>
    </message>
</context>
<context>
    <name>BenefitsEditor</name>
    <message>
        <source>Lägg till förmån</source>
        <translation>Add benefit</translation>
    </message>
    <message>
        <source>Välj variabler i variabelkatalogen…</source>
        <translation>Choose variables in the variable catalogue…</translation>
    </message>
    <message>
        <source>Lägg tillbaka förmånen som togs bort</source>
        <translation>Put back the benefit that was removed</translation>
    </message>
    <message>
        <source>Förmånen utan namn</source>
        <translation>The unnamed benefit</translation>
    </message>
    <message>
        <source>”%1” togs bort.</source>
        <translation>“%1” was removed.</translation>
    </message>
    <message numerus="yes">
        <source>%n valda variabler eller önskemål i beställningen.</source>
        <translation>
            <numerusform>%n variable or request chosen in the order.</numerusform>
            <numerusform>%n variables or requests chosen in the order.</numerusform>
        </translation>
    </message>
    <message>
        <source>Välj förmån…</source>
        <translation>Choose benefit…</translation>
    </message>
    <message>
        <source>Förmån, rad %1</source>
        <translation>Benefit, row %1</translation>
    </message>
    <message>
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Månad som ÅÅÅÅ-MM, t.ex. %1</source>
        <translation>Month as YYYY-MM, e.g. %1</translation>
    </message>
    <message>
        <source>%1, rad %2</source>
        <translation>%1, row %2</translation>
    </message>
    <message>
        <source>T.ex. ersättningsperioder med omfattning och diagnos</source>
        <translation>E.g. benefit periods with extent and diagnosis</translation>
    </message>
    <message>
        <source>Önskemål om uppgifter, rad %1</source>
        <translation>Data wishes, row %1</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Ta bort förmånen (Alt+Delete i raden). Du kan ångra.</source>
        <translation>Remove the benefit (Alt+Delete in the row). You can undo.</translation>
    </message>
    <message>
        <source>Ta bort förmån %1</source>
        <translation>Remove benefit %1</translation>
    </message>
    <message>
        <source>Önskemål</source>
        <translation>Wish</translation>
    </message>
    <message>
        <source>Önskemål om uppgifter: beskriv vad ni behöver, FK föreslår variabler.</source>
        <translation>Data wishes: describe what you need, FK proposes variables.</translation>
    </message>
</context>
<context>
    <name>CartWidget</name>
    <message>
        <source>Variabel</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Hela tabellen</source>
        <translation>Whole table</translation>
    </message>
    <message>
        <source>Önskemål</source>
        <translation>Wish</translation>
    </message>
    <message>
        <source>Val</source>
        <translation>Choice</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Motivering</source>
        <translation>Justification</translation>
    </message>
    <message>
        <source>Motivering (dubbelklicka för att skriva)</source>
        <translation>Justification (double-click to write)</translation>
    </message>
    <message>
        <source>Valda variabler</source>
        <translation>Chosen variables</translation>
    </message>
    <message>
        <source>Förmån för period och önskemål</source>
        <translation>Benefit for period and requests</translation>
    </message>
    <message>
        <source>från ÅÅÅÅ-MM</source>
        <translation>from YYYY-MM</translation>
    </message>
    <message>
        <source>till ÅÅÅÅ-MM</source>
        <translation>to YYYY-MM</translation>
    </message>
    <message>
        <source>Önskemål med egna ord</source>
        <translation>Wish in your own words</translation>
    </message>
    <message>
        <source>Önskemål med egna ord, t.ex. ersättningsperiod och belopp per månad</source>
        <translation>A request in your own words, e.g. benefit period and amount per month</translation>
    </message>
    <message>
        <source>Motivering mot forskningsfrågorna</source>
        <translation>Justification against the research questions</translation>
    </message>
    <message>
        <source>Lägg till önskemål</source>
        <translation>Add request</translation>
    </message>
    <message>
        <source>Ta bort markerat</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>Spara Variabelval.xlsx…</source>
        <translation>Save Variabelval.xlsx…</translation>
    </message>
    <message>
        <source>Förmån:</source>
        <translation>Benefit:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Ingen beställning är öppen: du kan bläddra och söka, men inte välja.</source>
        <translation>No order is open: you can browse and search, but not choose.</translation>
    </message>
    <message numerus="yes">
        <source>Valt till beställningen ”%1”: %n val</source>
        <translation>
            <numerusform>Selected for the order “%1”: %n item</numerusform>
            <numerusform>Selected for the order “%1”: %n items</numerusform>
        </translation>
    </message>
    <message>
        <source>period saknas</source>
        <translation>period missing</translation>
    </message>
    <message>
        <source>Motivering saknas: FK vill att varje variabel motiveras.</source>
        <translation>Justification missing: FK wants every variable to be justified.</translation>
    </message>
    <message>
        <source>Önskemål (avsnitt 6)</source>
        <translation>Wish (section 6)</translation>
    </message>
    <message>
        <source>Skrivet i avsnitt 6, Uppgifter per förmån. Ändra det där.</source>
        <translation>Written in section 6, Data per benefit. Change it there.</translation>
    </message>
    <message numerus="yes">
        <source>%n val saknar motivering</source>
        <translation>
            <numerusform>%n choice lacks a justification</numerusform>
            <numerusform>%n choices lack a justification</numerusform>
        </translation>
    </message>
    <message>
        <source>Ta bort förmån</source>
        <translation>Remove benefit</translation>
    </message>
    <message>
        <source>Ta bort %s och alla val för den ur beställningen?</source>
        <translation>Remove %s and all choices for it from the order?</translation>
    </message>
    <message>
        <source>Spara variabelval</source>
        <translation>Save variable choices</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Sparade %s</source>
        <translation>Saved %s</translation>
    </message>
    <message>
        <source>Kunde inte spara %s: %s</source>
        <translation>Could not save %s: %s</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <source>Variabelkatalog</source>
        <translation>Variable catalogue</translation>
    </message>
    <message>
        <source>Sök i alla listor: namn, beskrivning, värden … (Ctrl+F)</source>
        <translation>Search all lists: name, description, values … (Ctrl+F)</translation>
    </message>
    <message>
        <source>Sök i katalogen</source>
        <translation>Search the catalogue</translation>
    </message>
    <message>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Importera FK:s lista…</source>
        <translation>Import FK&apos;s list…</translation>
    </message>
    <message>
        <source>Läs in Försäkringskassans officiella variabellista (.xlsx)</source>
        <translation>Read Försäkringskassan&apos;s official variable list (.xlsx)</translation>
    </message>
    <message>
        <source>Återställ föregående lista</source>
        <translation>Restore previous list</translation>
    </message>
    <message>
        <source>Förmåner, tabeller och variabler</source>
        <translation>Benefits, tables and variables</translation>
    </message>
    <message>
        <source>Detaljer</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Motivering: varför behövs uppgiften för forskningsfrågorna?</source>
        <translation>Justification: why is this item needed for the research questions?</translation>
    </message>
    <message>
        <source>Lägg till i beställningen</source>
        <translation>Add to the order</translation>
    </message>
    <message>
        <source>Lägg till hela tabellen</source>
        <translation>Add the whole table</translation>
    </message>
    <message>
        <source>Alla områden</source>
        <translation>All areas</translation>
    </message>
    <message>
        <source>Alla register</source>
        <translation>All registers</translation>
    </message>
    <message>
        <source>MiDAS</source>
        <translation>MiDAS</translation>
    </message>
    <message>
        <source>Utanför MiDAS</source>
        <translation>Outside MiDAS</translation>
    </message>
    <message>
        <source>cirka %1 månader</source>
        <translation>about %1 months</translation>
    </message>
    <message>
        <source>uppskattning</source>
        <translation>estimate</translation>
    </message>
    <message>
        <source>enligt FK</source>
        <translation>according to FK</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nej</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Område:</source>
        <translation>Area:</translation>
    </message>
    <message>
        <source>Register:</source>
        <translation>Register:</translation>
    </message>
    <message>
        <source>Variabellista hos FK:</source>
        <translation>Variable list at FK:</translation>
    </message>
    <message>
        <source>Katalogens innehåll:</source>
        <translation>Catalogue contents:</translation>
    </message>
    <message>
        <source>Fördröjning:</source>
        <translation>Lag:</translation>
    </message>
    <message>
        <source>Källa:</source>
        <translation>Source:</translation>
    </message>
    <message>
        <source>Nyckeltal</source>
        <translation>Key figures</translation>
    </message>
    <message>
        <source>Källhänvisningar</source>
        <translation>References</translation>
    </message>
    <message>
        <source>FK har ingen variabellista för den här förmånen.</source>
        <translation>FK has no variable list for this benefit.</translation>
    </message>
    <message>
        <source>Beskriv med egna ord vilka uppgifter ni behöver (”Önskemål” nedan eller i avsnitt 6, Uppgifter per förmån), så föreslår Försäkringskassan variabler. Uppgifterna här är det FK brukar kunna lämna.</source>
        <translation>Describe in your own words which data you need (“Wish” below or in section 6, Data per benefit), and Försäkringskassan proposes variables. The items here are what FK can usually provide.</translation>
    </message>
    <message>
        <source>Begrepp ur offentliga källor (inte ett kolumnnamn hos FK)</source>
        <translation>Concept from public sources (not a column name at FK)</translation>
    </message>
    <message>
        <source>Dataområde</source>
        <translation>Data area</translation>
    </message>
    <message>
        <source>Variabel i FK:s lista</source>
        <translation>Variable in FK&apos;s list</translation>
    </message>
    <message>
        <source>Tabell</source>
        <translation>Table</translation>
    </message>
    <message>
        <source> (uppskattning)</source>
        <translation> (estimate)</translation>
    </message>
    <message>
        <source>Förmån</source>
        <translation>Benefit</translation>
    </message>
    <message>
        <source>Etikett</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Värdemängd</source>
        <translation>Value set</translation>
    </message>
    <message>
        <source>Anmärkning</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Säkerhet</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Härkomst</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <source>Fördröjning</source>
        <translation>Lag</translation>
    </message>
    <message>
        <source>Motivering</source>
        <translation>Justification</translation>
    </message>
    <message>
        <source>Katalogen kunde inte läsas</source>
        <translation>The catalogue could not be read</translation>
    </message>
    <message>
        <source>Kontrollera att programmets datamapp går att läsa och skriva, och försök igen.</source>
        <translation>Check that the program&apos;s data folder can be read and written, and try again.</translation>
    </message>
    <message>
        <source>Läser katalogen …</source>
        <translation>Reading the catalogue …</translation>
    </message>
    <message>
        <source>(ingen tabell)</source>
        <translation>(no table)</translation>
    </message>
    <message>
        <source>%1 förmåner, %2 variabler</source>
        <translation>%1 benefits, %2 variables</translation>
    </message>
    <message>
        <source> (visar de första %s; skriv mer för att smalna av)</source>
        <translation> (showing the first %s; type more to narrow down)</translation>
    </message>
    <message>
        <source> · ○ sammanställd från offentliga källor · ● officiell lista</source>
        <translation> · ○ compiled from public sources · ● official list</translation>
    </message>
    <message>
        <source>Inga träffar. Prova ett kortare ord eller ta bort filtren.</source>
        <translation>No matches. Try a shorter word or remove the filters.</translation>
    </message>
    <message>
        <source>Öppna eller skapa en beställning för att välja variabler.</source>
        <translation>Open or create an order to choose variables.</translation>
    </message>
    <message>
        <source>La till %s.</source>
        <translation>Added %s.</translation>
    </message>
    <message>
        <source>La till hela tabellen %s.</source>
        <translation>Added the whole table %s.</translation>
    </message>
    <message>
        <source>i beställningen</source>
        <translation>in the order</translation>
    </message>
    <message>
        <source>Välj FK:s variabellista</source>
        <translation>Choose FK&apos;s variable list</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;Alla filer (*)</source>
        <translation>Excel (*.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>Läser %s …</source>
        <translation>Reading %s …</translation>
    </message>
    <message>
        <source>Oväntat fel vid import (%s). Katalogen är oförändrad.</source>
        <translation>Unexpected error during import (%s). The catalogue is unchanged.</translation>
    </message>
    <message>
        <source>Listan kunde inte importeras</source>
        <translation>The list could not be imported</translation>
    </message>
    <message>
        <source>Vilken förmån?</source>
        <translation>Which benefit?</translation>
    </message>
    <message>
        <source>Det framgår inte av %s vilken förmån listan gäller. Välj förmån:</source>
        <translation>%s does not say which benefit the list is for. Choose the benefit:</translation>
    </message>
    <message>
        <source>Importerade %s variabler för %s. Jämfört med föregående lista: %s.</source>
        <translation>Imported %s variables for %s. Compared with the previous list: %s.</translation>
    </message>
    <message>
        <source>Obs: %s</source>
        <translation>Note: %s</translation>
    </message>
    <message>
        <source>Berörd beställning: %s – %s</source>
        <translation>Affected order: %s – %s</translation>
    </message>
    <message>
        <source>Sammanställd från offentliga källor</source>
        <translation>Compiled from public sources</translation>
    </message>
    <message>
        <source>%s: nu används %s (%s).</source>
        <translation>%s: now using %s (%s).</translation>
    </message>
    <message>
        <source>Återställer föregående lista för %s …</source>
        <translation>Restoring the previous list for %s …</translation>
    </message>
    <message>
        <source>Föregående lista kunde inte återställas</source>
        <translation>The previous list could not be restored</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>Nr</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Bilaga</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>Fil i e-postmeddelandet</source>
        <translation>File in the email</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Dra filer hit från filhanteraren. Släpp dem på en rad för att bifoga dem som den typen.</source>
        <translation>Drag files here from the file manager. Drop them on a row to attach them as that type.</translation>
    </message>
    <message>
        <source>Lägg till fil…</source>
        <translation>Add file…</translation>
    </message>
    <message>
        <source>Ta bort vald</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>Typ:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bilagor&lt;/b&gt; (Försäkringskassans krav för vägen)</source>
        <translation>&lt;b&gt;Attachments&lt;/b&gt; (Försäkringskassan&apos;s requirements for this route)</translation>
    </message>
    <message>
        <source>Egen ifylld blankett (ersätter den som skapas)</source>
        <translation>Your own completed form (replaces the generated one)</translation>
    </message>
    <message>
        <source>Skapas av programmet</source>
        <translation>Created by the app</translation>
    </message>
    <message>
        <source>Bifogad</source>
        <translation>Attached</translation>
    </message>
    <message>
        <source>Filen finns inte längre</source>
        <translation>The file no longer exists</translation>
    </message>
    <message>
        <source>Skapas när paketet granskas</source>
        <translation>Created when the package is checked</translation>
    </message>
    <message>
        <source>(dra hit filen)</source>
        <translation>(drag the file here)</translation>
    </message>
    <message>
        <source>Saknas</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Personnummer hittades</source>
        <translation>Personal identity numbers found</translation>
    </message>
    <message>
        <source>Titta på bilderna</source>
        <translation>Look at the pictures</translation>
    </message>
    <message>
        <source>Kan inte granskas</source>
        <translation>Cannot be checked</translation>
    </message>
    <message>
        <source>{0} är en mapp: packa den som .zip först.</source>
        <translation>{0} is a folder: pack it as a .zip first.</translation>
    </message>
    <message>
        <source>{0} finns inte.</source>
        <translation>{0} does not exist.</translation>
    </message>
    <message>
        <source>{0} finns redan i listan.</source>
        <translation>{0} is already in the list.</translation>
    </message>
    <message>
        <source>Välj bilagor</source>
        <translation>Choose attachments</translation>
    </message>
    <message>
        <source>Välj en bifogad fil att ta bort (det som programmet skapar kan inte tas bort).</source>
        <translation>Select an attached file to remove (what the app creates cannot be removed).</translation>
    </message>
</context>
<context>
    <name>CostSettings</name>
    <message>
        <source>Timpris</source>
        <translation>Hourly rate</translation>
    </message>
    <message>
        <source> kr/h exkl. moms</source>
        <translation> kr/h excl. VAT</translation>
    </message>
    <message>
        <source>t.ex. Försäkringskassans webbsida, uppdaterad 2026-01-15</source>
        <translation>e.g. Försäkringskassan&apos;s web page, updated 2026-01-15</translation>
    </message>
    <message>
        <source>Spara nytt timpris</source>
        <translation>Save new hourly rate</translation>
    </message>
    <message>
        <source>Nytt timpris:</source>
        <translation>New hourly rate:</translation>
    </message>
    <message>
        <source>Gäller från:</source>
        <translation>Valid from:</translation>
    </message>
    <message>
        <source>Källa eller anteckning:</source>
        <translation>Source or note:</translation>
    </message>
    <message>
        <source>Gäller från</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Anteckning</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Registrerad</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>Ta bort markerad ändring</source>
        <translation>Remove selected change</translation>
    </message>
    <message>
        <source>Registrerade ändringar:</source>
        <translation>Recorded changes:</translation>
    </message>
    <message>
        <source>Fördröjning per förmån</source>
        <translation>Lag per benefit</translation>
    </message>
    <message>
        <source>Månad M räknas som komplett från den första dagen i månad M + fördröjning + 1. Ändra fördröjningen när Försäkringskassan anger en ny; ändringen gäller uttag från datumet.</source>
        <translation>Month M counts as complete from the first day of month M + lag + 1. Change the lag when Försäkringskassan states a new one; the change applies to extractions from that date.</translation>
    </message>
    <message>
        <source> månader</source>
        <translation> months</translation>
    </message>
    <message>
        <source>t.ex. besked från statistikenheten 2026-03-02</source>
        <translation>e.g. notice from the statistics unit 2026-03-02</translation>
    </message>
    <message>
        <source>Spara ny fördröjning</source>
        <translation>Save new lag</translation>
    </message>
    <message>
        <source>Förmån:</source>
        <translation>Benefit:</translation>
    </message>
    <message>
        <source>Ny fördröjning:</source>
        <translation>New lag:</translation>
    </message>
    <message>
        <source>Förmån</source>
        <translation>Benefit</translation>
    </message>
    <message>
        <source>Månader</source>
        <translation>Months</translation>
    </message>
    <message>
        <source>Gäller i dag: {rate} exkl. moms från {date}.</source>
        <translation>In force today: {rate} excl. VAT from {date}.</translation>
    </message>
    <message>
        <source>Inbyggt värde: {rate} från {date} ({source}).</source>
        <translation>Built-in value: {rate} from {date} ({source}).</translation>
    </message>
    <message>
        <source>Kalibrering mot verkliga offerter: ingen (faktor 1,0).</source>
        <translation>Calibration against real quotes: none (factor 1.0).</translation>
    </message>
    <message>
        <source>Kalibrering mot verkliga offerter: timmarna multipliceras med {f} ({n} offerter). {note}</source>
        <translation>Calibration against real quotes: the hours are multiplied by {f} ({n} quotes). {note}</translation>
    </message>
    <message>
        <source>Katalogen: {n} månader</source>
        <translation>Catalogue: {n} months</translation>
    </message>
    <message>
        <source> (uppskattning)</source>
        <translation> (estimate)</translation>
    </message>
    <message>
        <source>; gäller i dag: {n} månader (ändrad från {d})</source>
        <translation>; in force today: {n} months (changed from {d})</translation>
    </message>
    <message>
        <source>Ändringen kunde inte sparas ({reason}). Kontrollera att programmets inställningsmapp går att skriva till och att disken inte är full, och försök igen.</source>
        <translation>The change could not be saved ({reason}). Check that the program&apos;s settings folder can be written to and that the disk is not full, and try again.</translation>
    </message>
    <message>
        <source>Markera först den ändring som ska tas bort.</source>
        <translation>First select the change to remove.</translation>
    </message>
</context>
<context>
    <name>CoverageChart</name>
    <message>
        <source>Täckningsdiagram</source>
        <translation>Coverage chart</translation>
    </message>
</context>
<context>
    <name>ErrorHandler</name>
    <message>
        <source>Något gick oväntat fel (%1).

Ditt arbete sparas automatiskt som utkast. Detaljer finns i loggfilen %2.</source>
        <translation>Something unexpected went wrong (%1).

Your work is saved automatically as a draft. Details are in the log file %2.</translation>
    </message>
</context>
<context>
    <name>EstimatePanel</name>
    <message>
        <source>Kostnad och täckning</source>
        <translation>Cost and coverage</translation>
    </message>
    <message>
        <source>Dagen då Försäkringskassan planeras ta ut data. Avgör vilka månader som är kompletta.</source>
        <translation>The day Försäkringskassan plans to extract the data. It decides which months are complete.</translation>
    </message>
    <message>
        <source>I dag</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Planerat uttagsdatum:</source>
        <translation>Planned extraction date:</translation>
    </message>
    <message>
        <source>Lågt</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Förväntat</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Högt</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Arbetstid</source>
        <translation>Working time</translation>
    </message>
    <message>
        <source>Kronor exkl. moms</source>
        <translation>Amount excl. VAT</translation>
    </message>
    <message>
        <source>Moms</source>
        <translation>VAT</translation>
    </message>
    <message>
        <source>Kronor inkl. moms</source>
        <translation>Amount incl. VAT</translation>
    </message>
    <message>
        <source>Del av beställningen</source>
        <translation>Part of the order</translation>
    </message>
    <message>
        <source>Timmar</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Lågt–högt</source>
        <translation>Low–high</translation>
    </message>
    <message>
        <source>Beräkning och underlag</source>
        <translation>Calculation and basis</translation>
    </message>
    <message>
        <source>&lt;b&gt;Täckning vid uttaget&lt;/b&gt;</source>
        <translation>&lt;b&gt;Coverage at extraction&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Moms {pct} % visas separat. Fakturan kommer cirka 1–3 månader efter leverans.</source>
        <translation>VAT of {pct} % is shown separately. The invoice comes about 1–3 months after delivery.</translation>
    </message>
    <message>
        <source>Timpris {rate} exkl. moms, gäller från {date}. Källa: {source}</source>
        <translation>Hourly rate {rate} excl. VAT, valid from {date}. Source: {source}</translation>
    </message>
    <message>
        <source>Välj förmåner och perioder för att se vilka månader som är kompletta.</source>
        <translation>Choose benefits and periods to see which months are complete.</translation>
    </message>
    <message>
        <source> – fördröjning %1</source>
        <translation> – lag %1</translation>
    </message>
    <message>
        <source>; komplett till och med %1</source>
        <translation>; complete up to and including %1</translation>
    </message>
    <message>
        <source>✓ hela perioden komplett</source>
        <translation>✓ whole period complete</translation>
    </message>
</context>
<context>
    <name>EthicsPanel</name>
    <message>
        <source>Etikansökan mot beställningen</source>
        <translation>Ethics application against the order</translation>
    </message>
    <message>
        <source>Det Försäkringskassan kontrollerar i etikansökan och beslutet innan den beslutar. Varningarna hindrar inte att beställningen skickas.</source>
        <translation>What Försäkringskassan checks in the ethics application and decision before it decides. The warnings do not stop the order from being sent.</translation>
    </message>
    <message>
        <source>Läser etikhandlingarna …</source>
        <translation>Reading the ethics documents …</translation>
    </message>
    <message>
        <source>Etikhandlingarna kunde inte läsas: %1</source>
        <translation>The ethics documents could not be read: %1</translation>
    </message>
    <message>
        <source>Etikhandlingarna har inte lästs än.</source>
        <translation>The ethics documents have not been read yet.</translation>
    </message>
    <message>
        <source>Beställningen kräver ingen etikprövning.</source>
        <translation>The order needs no ethics review.</translation>
    </message>
    <message numerus="yes">
        <source>%n krav att kontrollera i etikhandlingarna.</source>
        <translation>
            <numerusform>%n requirement to check in the ethics documents.</numerusform>
            <numerusform>%n requirements to check in the ethics documents.</numerusform>
        </translation>
    </message>
    <message>
        <source>✔ Etikhandlingarna nämner allt som Försäkringskassan kontrollerar.</source>
        <translation>✔ The ethics documents mention everything Försäkringskassan checks.</translation>
    </message>
    <message>
        <source>Försäkringskassan som källa</source>
        <translation>Försäkringskassan as the source</translation>
    </message>
    <message>
        <source>Samkörning med andra register</source>
        <translation>Linkage with other registers</translation>
    </message>
    <message>
        <source>Mer än en leverans</source>
        <translation>More than one delivery</translation>
    </message>
    <message>
        <source>Diarienummer i beslutet</source>
        <translation>Reference number in the decision</translation>
    </message>
    <message>
        <source>Beslutsdatum</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Kompletteringar</source>
        <translation>Supplements</translation>
    </message>
    <message>
        <source>%1, s. %2</source>
        <translation>%1, p. %2</translation>
    </message>
    <message>
        <source>Hittat:</source>
        <translation>Found:</translation>
    </message>
</context>
<context>
    <name>EventPanel</name>
    <message>
        <source>t.ex. FK:s diarienummer</source>
        <translation>e.g. FK&apos;s case number</translation>
    </message>
    <message>
        <source>Bifoga dokument…</source>
        <translation>Attach documents…</translation>
    </message>
    <message>
        <source>Inga dokument valda</source>
        <translation>No documents chosen</translation>
    </message>
    <message>
        <source>Registrera händelsen</source>
        <translation>Record the event</translation>
    </message>
    <message>
        <source>Steg</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Anteckning</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Registrera vad som hänt</source>
        <translation>Record what has happened</translation>
    </message>
    <message>
        <source>Händelser och dokument</source>
        <translation>Events and documents</translation>
    </message>
    <message>
        <source>Ta bort markerad händelse</source>
        <translation>Remove selected event</translation>
    </message>
    <message>
        <source>Händelser och dokument (dubbelklicka för att öppna)</source>
        <translation>Events and documents (double-click to open)</translation>
    </message>
    <message>
        <source>Spara offertens timmar</source>
        <translation>Save the quote&apos;s hours</translation>
    </message>
    <message>
        <source>Justera kostnadsmodellen…</source>
        <translation>Adjust the cost model…</translation>
    </message>
    <message>
        <source>FK:s offert och kostnadsmodellen</source>
        <translation>FK&apos;s quote and the cost model</translation>
    </message>
    <message>
        <source>Offererade timmar</source>
        <translation>Quoted hours</translation>
    </message>
    <message>
        <source>Spara datumen i kalendern (.ics)…</source>
        <translation>Save the dates to your calendar (.ics)…</translation>
    </message>
    <message>
        <source>Ingen beställning vald</source>
        <translation>No order selected</translation>
    </message>
    <message>
        <source>Välj en beställning i listan för att se dess tidslinje.</source>
        <translation>Select an order in the list to see its timeline.</translation>
    </message>
    <message>
        <source>Nästa: </source>
        <translation>Next: </translation>
    </message>
    <message>
        <source>saknas</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Den här offerten: %1 h, appens uppskattning %2.</source>
        <translation>This quote: %1 h, the app&apos;s estimate %2.</translation>
    </message>
    <message>
        <source>Kunde inte föra in beställningen i registret</source>
        <translation>Could not add the order to the register</translation>
    </message>
    <message>
        <source>Bifoga FK:s dokument</source>
        <translation>Attach FK&apos;s documents</translation>
    </message>
    <message>
        <source>Dokument (*.pdf *.docx *.doc *.txt *.eml *.msg);;Alla filer (*)</source>
        <translation>Documents (*.pdf *.docx *.doc *.txt *.eml *.msg);;All files (*)</translation>
    </message>
    <message>
        <source>Kunde inte registrera</source>
        <translation>Could not record</translation>
    </message>
    <message>
        <source>Steg saknas</source>
        <translation>Step missing</translation>
    </message>
    <message>
        <source>Registrera ”{0}” med samma datum först?</source>
        <translation>Record “{0}” with the same date first?</translation>
    </message>
    <message>
        <source>Registrerar …</source>
        <translation>Registering …</translation>
    </message>
    <message>
        <source>Ta bort händelsen?</source>
        <translation>Remove the event?</translation>
    </message>
    <message>
        <source>Händelsen och dess bifogade dokument tas bort.</source>
        <translation>The event and its attached documents will be removed.</translation>
    </message>
    <message>
        <source>Kunde inte ta bort händelsen</source>
        <translation>Could not remove the event</translation>
    </message>
    <message>
        <source>Kunde inte spara offerten</source>
        <translation>Could not save the quote</translation>
    </message>
    <message>
        <source>Justera kostnadsmodellen?</source>
        <translation>Adjust the cost model?</translation>
    </message>
    <message>
        <source>Vill du att alla uppskattningar från och med nu multipliceras med %1?</source>
        <translation>Do you want all estimates from now on to be multiplied by %1?</translation>
    </message>
    <message>
        <source>Kalibreringen sparades inte</source>
        <translation>The calibration was not saved</translation>
    </message>
    <message>
        <source>Kostnadsmodellen är justerad.</source>
        <translation>The cost model has been adjusted.</translation>
    </message>
    <message>
        <source>Spara datumen</source>
        <translation>Save the dates</translation>
    </message>
    <message>
        <source>Kalenderfil (*.ics)</source>
        <translation>Calendar file (*.ics)</translation>
    </message>
    <message>
        <source>Kunde inte spara</source>
        <translation>Could not save</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>T.ex. %1</source>
        <translation>E.g. %1</translation>
    </message>
    <message>
        <source>ÅÅÅÅ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>namn@organisation.se</source>
        <translation>name@organisation.se</translation>
    </message>
</context>
<context>
    <name>FillReportDialog</name>
    <message>
        <source>Så fylls Försäkringskassans blankett i</source>
        <translation>How Försäkringskassan&apos;s form will be filled in</translation>
    </message>
    <message>
        <source>{placed} av {total} uppgifter fick plats i blanketten. {extra} uppgifter står i bilagan ”Uppgifter som inte fick plats i blanketten” sist i dokumentet (gulmarkerade nedan, med skälet). Läs igenom dokumentet innan du skickar det.</source>
        <translation>{placed} of {total} entries fit in the form. {extra} entries are in the appendix “Uppgifter som inte fick plats i blanketten” at the end of the document (highlighted in yellow below, with the reason). Read the document through before you send it.</translation>
    </message>
    <message>
        <source>Alla {total} uppgifter fick plats i blanketten.</source>
        <translation>All {total} details fitted in the form.</translation>
    </message>
    <message>
        <source>Ingenting är sparat ännu. Välj Spara för att välja var dokumentet ska sparas.</source>
        <translation>Nothing has been saved yet. Choose Save to choose where the document is saved.</translation>
    </message>
    <message>
        <source>Sparad som: {path}</source>
        <translation>Saved as: {path}</translation>
    </message>
    <message>
        <source>Spara ändå…</source>
        <translation>Save anyway…</translation>
    </message>
    <message>
        <source>Spara…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>Öppna dokumentet</source>
        <translation>Open the document</translation>
    </message>
</context>
<context>
    <name>FillReportModel</name>
    <message>
        <source>Fält</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Värde</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Placering</source>
        <translation>Placement</translation>
    </message>
    <message>
        <source>Bilaga sist i dokumentet (fick inte plats)</source>
        <translation>Appendix at the end of the document (did not fit)</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Fil</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Sammanhang</source>
        <translation>Context</translation>
    </message>
    <message>
        <source>Beslut</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Stoppar sändningen</source>
        <translation>Stops the send</translation>
    </message>
    <message>
        <source>Inte ett personnummer: {reason}</source>
        <translation>Not a personal identity number: {reason}</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Hjälp – Beställningsassistenten</source>
        <translation>Help – Beställningsassistenten</translation>
    </message>
    <message>
        <source>Hjälptext</source>
        <translation>Help text</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Arbete pågår</source>
        <translation>Work in progress</translation>
    </message>
    <message>
        <source>Programmet arbetar fortfarande i bakgrunden, till exempel med att skicka beställningen eller skriva blanketten. Om du avslutar nu går resultatet förlorat.</source>
        <translation>The program is still working in the background, for example sending the order or writing the form. If you exit now, the result will be lost.</translation>
    </message>
    <message>
        <source>&amp;Vänta</source>
        <translation>&amp;Wait</translation>
    </message>
    <message>
        <source>&amp;Avsluta ändå</source>
        <translation>E&amp;xit anyway</translation>
    </message>
    <message>
        <source>Beställningsassistenten – individdata från Försäkringskassan</source>
        <translation>Beställningsassistenten – individual-level data from Försäkringskassan (FK)</translation>
    </message>
    <message>
        <source>Sidor</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Beställningar</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Beställning</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Variabelkatalog</source>
        <translation>Variable catalogue</translation>
    </message>
    <message>
        <source>Skicka</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Inställningar</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Klar.</source>
        <translation>Ready.</translation>
    </message>
    <message>
        <source>Den öppna beställningen togs bort. Du har nu en ny, tom beställning framför dig.</source>
        <translation>The open order was deleted. You now have a new, empty order in front of you.</translation>
    </message>
    <message>
        <source>Kunde inte skapa en ny version</source>
        <translation>Could not create a new version</translation>
    </message>
    <message>
        <source>En ny version av beställningen är öppen. Den skickade är oförändrad.</source>
        <translation>A new version of the order is open. The one that was sent is unchanged.</translation>
    </message>
    <message>
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Ny beställning</source>
        <translation>&amp;New order</translation>
    </message>
    <message>
        <source>&amp;Öppna beställningsfil…</source>
        <translation>&amp;Open order file…</translation>
    </message>
    <message>
        <source>Spara &amp;som…</source>
        <translation>Save &amp;as…</translation>
    </message>
    <message>
        <source>Skriv &amp;blanketten (.docx)…</source>
        <translation>&amp;Write the form (.docx)…</translation>
    </message>
    <message>
        <source>Fyll i &amp;Försäkringskassans blankett…</source>
        <translation>Fill in &amp;Försäkringskassan&apos;s form…</translation>
    </message>
    <message>
        <source>&amp;Avsluta</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>Verktyg</source>
        <translation>Tools</translation>
    </message>
    <message>
        <source>&amp;Hjälp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Hjälp…</source>
        <translation>&amp;Help…</translation>
    </message>
    <message>
        <source>Öppna &amp;loggmappen</source>
        <translation>Open the &amp;log folder</translation>
    </message>
    <message>
        <source>&amp;Om Beställningsassistenten</source>
        <translation>&amp;About Beställningsassistenten</translation>
    </message>
    <message>
        <source>Gå till %1</source>
        <translation>Go to %1</translation>
    </message>
    <message>
        <source>Öppna beställning</source>
        <translation>Open order</translation>
    </message>
    <message>
        <source>Beställningar (*.json)</source>
        <translation>Orders (*.json)</translation>
    </message>
    <message>
        <source>Kan inte öppna filen</source>
        <translation>Cannot open the file</translation>
    </message>
    <message>
        <source>Spara beställningen</source>
        <translation>Save the order</translation>
    </message>
    <message>
        <source>Kan inte spara</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>Filen kunde inte sparas: </source>
        <translation>The file could not be saved: </translation>
    </message>
    <message>
        <source>Sparad: </source>
        <translation>Saved: </translation>
    </message>
    <message>
        <source>Loggmappen: </source>
        <translation>Log folder: </translation>
    </message>
    <message>
        <source>Loggmappen</source>
        <translation>Log folder</translation>
    </message>
    <message>
        <source>Loggfilerna finns i: </source>
        <translation>The log files are in: </translation>
    </message>
    <message>
        <source>Väntar på att arbetet i bakgrunden blir klart…</source>
        <translation>Waiting for the background work to finish…</translation>
    </message>
    <message>
        <source>Avsluta ändå</source>
        <translation>Exit anyway</translation>
    </message>
    <message>
        <source>Avslutar</source>
        <translation>Exiting</translation>
    </message>
    <message>
        <source>Programmet avslutades oväntat förra gången. Detaljer finns i loggfilen %1.</source>
        <translation>The program ended unexpectedly last time. Details are in the log file %1.</translation>
    </message>
    <message>
        <source>Programmet avslutades oväntat förra gången med %3 utkast öppna. Vill du fortsätta med det senast ändrade, ”%1” (sparat %2)? De andra finns kvar bland beställningarna på startsidan.</source>
        <translation>The program closed unexpectedly last time with %3 drafts open. Do you want to continue with the most recently changed one, “%1” (saved %2)? The others are still among the orders on the start page.</translation>
    </message>
    <message>
        <source>Återställ utkast</source>
        <translation>Restore draft</translation>
    </message>
    <message>
        <source>Programmet avslutades oväntat förra gången. Vill du fortsätta med det autosparade utkastet ”%1” (sparat %2)?</source>
        <translation>The app closed unexpectedly last time. Do you want to continue with the autosaved draft “%1” (saved %2)?</translation>
    </message>
    <message>
        <source>Beställning – %1</source>
        <translation>Order – %1</translation>
    </message>
    <message>
        <source>Spara blanketten</source>
        <translation>Save the form</translation>
    </message>
    <message>
        <source>Word-dokument (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>Blanketten är klar</source>
        <translation>The form is ready</translation>
    </message>
    <message>
        <source>Vill du öppna den?</source>
        <translation>Do you want to open it?</translation>
    </message>
    <message>
        <source>Blanketten skrivs redan. Vänta tills den är klar.</source>
        <translation>The form is already being written. Wait until it is done.</translation>
    </message>
    <message>
        <source>Filen kunde inte skrivas: %1. Kontrollera att mappen finns, att du får skriva i den och att filen inte är öppen i Word.</source>
        <translation>The file could not be written: %1. Check that the folder exists, that you may write to it and that the file is not open in Word.</translation>
    </message>
    <message>
        <source>Något oväntat gick fel när blanketten skrevs. Försök igen; om felet kvarstår finns detaljerna i loggfilen %1.</source>
        <translation>Something unexpected went wrong while writing the form. Try again; if the error persists, the details are in the log file %1.</translation>
    </message>
    <message>
        <source>Blanketten kunde inte skrivas.</source>
        <translation>The form could not be written.</translation>
    </message>
    <message>
        <source>Blanketten kunde inte skrivas</source>
        <translation>The form could not be written</translation>
    </message>
    <message>
        <source>Skriver blanketten…</source>
        <translation>Writing the form…</translation>
    </message>
    <message>
        <source>Skrev </source>
        <translation>Wrote </translation>
    </message>
    <message>
        <source>Välj Försäkringskassans blankett</source>
        <translation>Choose Försäkringskassan&apos;s form</translation>
    </message>
    <message>
        <source>Blanketten sparades inte.</source>
        <translation>The form was not saved.</translation>
    </message>
    <message>
        <source> (FK:s blankett)</source>
        <translation> (FK&apos;s form)</translation>
    </message>
    <message>
        <source>Välj ett annat filnamn: den ifyllda blanketten får inte ersätta Försäkringskassans mall.</source>
        <translation>Choose another file name: the filled form must not replace Försäkringskassan&apos;s template.</translation>
    </message>
    <message>
        <source>Sparar blanketten…</source>
        <translation>Saving the form…</translation>
    </message>
    <message>
        <source>Fyller i Försäkringskassans blankett…</source>
        <translation>Filling in Försäkringskassan&apos;s form…</translation>
    </message>
</context>
<context>
    <name>OrderSession</name>
    <message>
        <source>Utkastet kunde inte sparas: %1</source>
        <translation>The draft could not be saved: %1</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <source>Projekt</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Väg</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Beställare</source>
        <translation>Orderer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nästa steg</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Ändrad</source>
        <translation>Modified</translation>
    </message>
    <message>
        <source>  ↻ upprepad leverans</source>
        <translation>  ↻ repeat delivery</translation>
    </message>
    <message>
        <source>  (passerat)</source>
        <translation>  (passed)</translation>
    </message>
</context>
<context>
    <name>Process</name>
    <message>
        <source>Skickad till FK</source>
        <translation>Sent to FK</translation>
    </message>
    <message>
        <source>Skickad</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Mottagningsbekräftelse</source>
        <translation>Confirmation of receipt</translation>
    </message>
    <message>
        <source>Mottagen av FK</source>
        <translation>Received by FK</translation>
    </message>
    <message>
        <source>Komplettering</source>
        <translation>Supplement</translation>
    </message>
    <message>
        <source>Utkast till offert</source>
        <translation>Draft quotation</translation>
    </message>
    <message>
        <source>Överenskommelse om innehållet</source>
        <translation>Agreement on the content</translation>
    </message>
    <message>
        <source>Sekretessprövning</source>
        <translation>Confidentiality assessment</translation>
    </message>
    <message>
        <source>Beslut om utlämnande och offert</source>
        <translation>Decision on disclosure and quotation</translation>
    </message>
    <message>
        <source>Beslut och offert</source>
        <translation>Decision and quotation</translation>
    </message>
    <message>
        <source>Nyckelfil skickad</source>
        <translation>Key file sent</translation>
    </message>
    <message>
        <source>Leverans</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Levererad</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Faktura</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <source>Fakturerad</source>
        <translation>Invoiced</translation>
    </message>
    <message>
        <source>FK:s gallring</source>
        <translation>Retention at FK ends</translation>
    </message>
    <message>
        <source>Avslutad</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Arkiverad</source>
        <translation>Archived</translation>
    </message>
    <message>
        <source>Utkast</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Forskning</source>
        <translation>Research</translation>
    </message>
    <message>
        <source>Statistik</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>Skicka beställningen</source>
        <translation>Send the order</translation>
    </message>
    <message>
        <source>Mottagningsbekräftelse väntas</source>
        <translation>Confirmation of receipt expected</translation>
    </message>
    <message>
        <source>Skicka nyckelfilen (rekommenderat)</source>
        <translation>Send the key file (registered post)</translation>
    </message>
    <message>
        <source>Faktura väntas</source>
        <translation>Invoice expected</translation>
    </message>
    <message>
        <source>FK gallrar filerna</source>
        <translation>FK deletes the files</translation>
    </message>
    <message>
        <source>Väntar på utkast till offert</source>
        <translation>Waiting for the draft quotation</translation>
    </message>
    <message>
        <source>Väntar på beslut om utlämnande och offert</source>
        <translation>Waiting for the decision on disclosure and quotation</translation>
    </message>
    <message>
        <source>Väntar på leverans</source>
        <translation>Waiting for delivery</translation>
    </message>
    <message>
        <source>Kom överens om offertutkastet</source>
        <translation>Agree on the draft quotation</translation>
    </message>
    <message>
        <source>Beställningen skickades till statistikenheten@forsakringskassan.se.</source>
        <translation>The order was sent to statistikenheten@forsakringskassan.se.</translation>
    </message>
    <message>
        <source>FK bekräftar mottagandet inom två arbetsdagar.</source>
        <translation>FK confirms receipt within two working days.</translation>
    </message>
    <message>
        <source>FK granskar beställningen och kan begära kompletteringar.</source>
        <translation>FK reviews the order and may ask for supplements.</translation>
    </message>
    <message>
        <source>När beställningen är komplett skickar FK ett utkast till offert som specificerar beställningen.</source>
        <translation>When the order is complete, FK sends a draft quotation that specifies the order.</translation>
    </message>
    <message>
        <source>När ni är överens om innehållet gör FK en sekretessprövning.</source>
        <translation>When you have agreed on the content, FK makes a confidentiality assessment.</translation>
    </message>
    <message>
        <source>Om uppgifterna kan lämnas ut skickar FK beslut om utlämnande och offert.</source>
        <translation>If the data can be disclosed, FK sends a decision on disclosure and a quotation.</translation>
    </message>
    <message>
        <source>Nyckelfilen får skickas först nu, när beslutet om utlämnande har kommit. Skicka den med rekommenderad post, eller låt SCB skicka populationsfilen digitalt (ange SCB-handläggarens kontaktuppgifter). Aldrig med vanlig e-post.</source>
        <translation>The key file may be sent only now that the decision on disclosure has arrived. Send it by registered post, or let Statistics Sweden (SCB) send the population file digitally (give the SCB case officer&apos;s contact details). Never by ordinary email.</translation>
    </message>
    <message>
        <source>FK levererar uppgifterna enligt överenskommelsen.</source>
        <translation>FK delivers the data as agreed.</translation>
    </message>
    <message>
        <source>Fakturan väntas 1–3 månader efter leveransen.</source>
        <translation>The invoice is expected 1–3 months after delivery.</translation>
    </message>
    <message>
        <source>FK sparar levererade filer och populationsfil sex månader efter leverans, längre bara om beställningen bad om det.</source>
        <translation>FK keeps delivered files and the population file for six months after delivery, longer only if the order asked for it.</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>Beställningar</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Påminnelser</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>Sök projekt, beställare, status…</source>
        <translation>Search project, orderer, status…</translation>
    </message>
    <message>
        <source>Öppna</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Duplicera</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Arkivera</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Exportera…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Importera…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Ångra</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Påminnelser (%1)</source>
        <translation>Reminders (%1)</translation>
    </message>
    <message>
        <source>Inga påminnelser.</source>
        <translation>No reminders.</translation>
    </message>
    <message>
        <source>Visar %1 av %2 beställningar.</source>
        <translation>Showing %1 of %2 orders.</translation>
    </message>
    <message>
        <source>Inga beställningar ännu. Börja med ”Ny beställning” i verktygsfältet; utkast sparas automatiskt och syns här.</source>
        <translation>No orders yet. Start with “New order” in the toolbar; drafts are saved automatically and appear here.</translation>
    </message>
    <message>
        <source>Ta fram ur arkivet</source>
        <translation>Restore from archive</translation>
    </message>
    <message>
        <source>Kopian är skapad för en upprepad leverans. Den behöver ny sekretessprövning, nytt beslut och ny offert; skickat, händelser och underskriftsdatum är rensade.</source>
        <translation>The copy has been created for a repeat delivery. It needs a new secrecy review, a new decision and a new quote; the sending, events and signature date have been cleared.</translation>
    </message>
    <message>
        <source>Kopian av utkastet är skapad.</source>
        <translation>The copy of the draft has been created.</translation>
    </message>
    <message>
        <source>Kunde inte duplicera</source>
        <translation>Could not duplicate</translation>
    </message>
    <message>
        <source>Kunde inte arkivera</source>
        <translation>Could not archive</translation>
    </message>
    <message>
        <source>Kunde inte ta bort</source>
        <translation>Could not remove</translation>
    </message>
    <message>
        <source>”%1” togs bort.</source>
        <translation>“%1” was removed.</translation>
    </message>
    <message>
        <source>Kunde inte ångra borttagningen</source>
        <translation>Could not undo the deletion</translation>
    </message>
    <message>
        <source>Exportera beställningen</source>
        <translation>Export the order</translation>
    </message>
    <message>
        <source>Beställning med historik (*.zip)</source>
        <translation>Order with history (*.zip)</translation>
    </message>
    <message>
        <source>Kunde inte exportera</source>
        <translation>Could not export</translation>
    </message>
    <message>
        <source>Exporterad till %1.</source>
        <translation>Exported to %1.</translation>
    </message>
    <message>
        <source>Kunde inte importera</source>
        <translation>Could not import</translation>
    </message>
    <message>
        <source>Importera en beställning</source>
        <translation>Import an order</translation>
    </message>
    <message>
        <source>Alla aktuella</source>
        <translation>All current</translation>
    </message>
    <message>
        <source>Utkast</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Väntar på FK</source>
        <translation>Waiting for FK</translation>
    </message>
    <message>
        <source>Beslut, nyckelfil, leverans</source>
        <translation>Decision, key file, delivery</translation>
    </message>
    <message>
        <source>Levererade</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Avslutade</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Med påminnelser</source>
        <translation>With reminders</translation>
    </message>
    <message>
        <source>Arkiverade</source>
        <translation>Archived</translation>
    </message>
    <message>
        <source>Alla, även arkiverade</source>
        <translation>All, including archived</translation>
    </message>
    <message>
        <source>Registret eller en fil i programmets datamapp kunde inte ändras (%1). Kontrollera att disken inte är full och att datamappen går att skriva till, stäng andra program som kan ha registret öppet och försök igen.</source>
        <translation>The register or a file in the program&apos;s data folder could not be changed (%1). Check that the disk is not full and that the data folder can be written to, close other programs that may have the register open, and try again.</translation>
    </message>
</context>
<context>
    <name>RoutePage</name>
    <message>
        <source>Vilken beställning gäller det?</source>
        <translation>What kind of order is it?</translation>
    </message>
    <message>
        <source>Försäkringskassan har två blanketter. Båda skickas med e-post till %1 tillsammans med övriga handlingar.</source>
        <translation>Försäkringskassan (FK) has two forms. Both are sent by email to %1 together with the other documents.</translation>
    </message>
    <message>
        <source>Osäker? Svara på frågan:</source>
        <translation>Not sure? Answer the question:</translation>
    </message>
    <message>
        <source>Vi är en statistikansvarig myndighet med motsvarande sekretesskydd och uppgifterna ska användas för att framställa statistik</source>
        <translation>We are a government agency responsible for official statistics, with equivalent secrecy protection, and the data will be used to produce statistics</translation>
    </message>
    <message>
        <source>Det &amp;stämmer för oss</source>
        <translation>That &amp;applies to us</translation>
    </message>
    <message>
        <source>Statistikändamål kan passa. Undantaget tillämpas restriktivt och varje beställning sekretessprövas.</source>
        <translation>Statistical purposes may fit. The exception is applied restrictively and every order undergoes a secrecy review.</translation>
    </message>
    <message>
        <source>Välj forskning. Undantaget för statistikändamål gäller främst andra statistikansvariga myndigheter, så forskare använder normalt blanketten för forskning.</source>
        <translation>Choose research. The exception for statistical purposes mainly applies to other agencies responsible for official statistics, so researchers normally use the research form.</translation>
    </message>
</context>
<context>
    <name>ScanFindingsDialog</name>
    <message>
        <source>Granskad: inga personnummer</source>
        <translation>Checked: no personal identity numbers</translation>
    </message>
    <message>
        <source>Vad visar {place} i {source}? (t.ex. ”ett organisationsschema, inga nummer”)</source>
        <translation>What does {place} in {source} show? (e.g. “an organisation chart, no numbers”)</translation>
    </message>
    <message>
        <source>Inte ett personnummer</source>
        <translation>Not a personal identity number</translation>
    </message>
    <message>
        <source>Varför är {masked} i {source} inte ett personnummer? (t.ex. ”en tidsstämpel”)</source>
        <translation>Why is {masked} in {source} not a personal identity number? (e.g. “a timestamp”)</translation>
    </message>
    <message>
        <source>Möjliga personnummer</source>
        <translation>Possible personal identity numbers</translation>
    </message>
    <message>
        <source>Granskningen hittade tal som ser ut som personnummer. Ta bort dem ur filerna, eller markera ett fynd som ”inte ett personnummer” och ange varför. Bilder och sidor utan text kan inte läsas: titta på dem och markera dem på samma sätt. Beslutet gäller bara så länge filen är oförändrad.</source>
        <translation>The check found numbers that look like personal identity numbers. Remove them from the files, or mark a finding as “not a personal identity number” and say why. Pictures and pages without text cannot be read: look at them and mark them the same way. The decision holds only while the file is unchanged.</translation>
    </message>
    <message>
        <source>Inte ett personnummer…</source>
        <translation>Not a personal identity number…</translation>
    </message>
    <message>
        <source>Granskad: inga personnummer…</source>
        <translation>Checked: no personal identity numbers…</translation>
    </message>
    <message>
        <source>Ange varför det inte är ett personnummer.</source>
        <translation>Say why it is not a personal identity number.</translation>
    </message>
</context>
<context>
    <name>SendActionsPanel</name>
    <message>
        <source>Förhandsvisning av e-postmeddelandet efter granskningen.</source>
        <translation>Preview of the email after the check.</translation>
    </message>
    <message>
        <source>E-postserver (SMTP)</source>
        <translation>Email server (SMTP)</translation>
    </message>
    <message>
        <source>Skicka med e-post</source>
        <translation>Send by email</translation>
    </message>
    <message>
        <source>Spara utkast (.eml) och öppna</source>
        <translation>Save draft (.eml) and open</translation>
    </message>
    <message>
        <source>Öppna i e-postprogrammet</source>
        <translation>Open in the email program</translation>
    </message>
    <message>
        <source>Spara paketet i mapp…</source>
        <translation>Save the package in a folder…</translation>
    </message>
    <message>
        <source>Jag har skickat den nu</source>
        <translation>I have sent it now</translation>
    </message>
    <message>
        <source>Registrerar steget ”Skickad till FK” med dagens datum. Mottagningsbekräftelsen väntas sedan.</source>
        <translation>Registers the step “Sent to FK” with today&apos;s date. The acknowledgement of receipt is then awaited.</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&lt;b&gt;E-postmeddelandet&lt;/b&gt;</source>
        <translation>&lt;b&gt;The email&lt;/b&gt;</translation>
    </message>
    <message>
        <source>(ditt e-postprogram fyller i)</source>
        <translation>(filled in by your email program)</translation>
    </message>
    <message>
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Ämne</source>
        <translation>Subject</translation>
    </message>
</context>
<context>
    <name>SendPage</name>
    <message>
        <source>Skicka beställningen</source>
        <translation>Send the order</translation>
    </message>
    <message>
        <source>Granska paketet</source>
        <translation>Check the package</translation>
    </message>
    <message>
        <source>Granskningens resultat visas här.</source>
        <translation>The result of the check is shown here.</translation>
    </message>
    <message>
        <source>”{0}” skickas fortfarande. Sändningen registreras med den beställningen när den är klar.</source>
        <translation>“{0}” is still being sent. The sending will be recorded with that order when it is done.</translation>
    </message>
    <message>
        <source>Granska paketet innan du skickar.</source>
        <translation>Check the package before you send.</translation>
    </message>
    <message>
        <source>Senast: {0} {1}</source>
        <translation>Last: {0} {1}</translation>
    </message>
    <message>
        <source>”{0}” skickades, men kvittot kunde inte sparas ({1}). Ange ”Skickad till FK” på startsidan.</source>
        <translation>“{0}” was sent, but the receipt could not be saved ({1}). Record “Sent to FK” on the start page.</translation>
    </message>
    <message>
        <source>Beställningen ändrades under granskningen. Granska igen.</source>
        <translation>The order changed during the check. Check it again.</translation>
    </message>
    <message>
        <source>Visa fynden…</source>
        <translation>Show the findings…</translation>
    </message>
    <message>
        <source>Se var talen som liknar personnummer står, och markera falsklarm som ”inte ett personnummer”.</source>
        <translation>See where the numbers that look like personal identity numbers are, and mark false alarms as “not a personal identity number”.</translation>
    </message>
    <message>
        <source>Klart att skicka: {0} bilagor, {1:.1f} MB, inga personnummer hittades.</source>
        <translation>Ready to send: {0} attachments, {1:.1f} MB, no personal identity numbers found.</translation>
    </message>
    <message>
        <source>Klart att skicka: {0} bilagor, {1:.1f} MB; {2} fynd markerade som inte personnummer.</source>
        <translation>Ready to send: {0} attachments, {1:.1f} MB; {2} findings marked as not personal identity numbers.</translation>
    </message>
    <message>
        <source>Obs: {0}</source>
        <translation>Note: {0}</translation>
    </message>
    <message>
        <source>Inga problem hittades.</source>
        <translation>No problems found.</translation>
    </message>
    <message>
        <source>Paketet kunde inte skapas.</source>
        <translation>The package could not be created.</translation>
    </message>
    <message>
        <source>En fil kunde inte läsas eller skrivas ({0}). Kontrollera filen och granska igen.</source>
        <translation>A file could not be read or written ({0}). Check the file and review again.</translation>
    </message>
    <message>
        <source>Skicka igen?</source>
        <translation>Send again?</translation>
    </message>
    <message>
        <source>Lösenord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Spara utkast</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <source>Välj mapp för paketet</source>
        <translation>Choose a folder for the package</translation>
    </message>
    <message>
        <source>Lösenord för {0} på {1}:</source>
        <translation>Password for {0} on {1}:</translation>
    </message>
    <message>
        <source>Inget skickades: lösenord saknas.</source>
        <translation>Nothing was sent: the password is missing.</translation>
    </message>
    <message>
        <source>Skickar …</source>
        <translation>Sending …</translation>
    </message>
    <message>
        <source>Stoppad: beställningen kan inte skickas ännu.</source>
        <translation>Stopped: the order cannot be sent yet.</translation>
    </message>
    <message>
        <source>Avbryter …</source>
        <translation>Cancelling …</translation>
    </message>
    <message>
        <source>Skickat till {0} med {1} bilagor (Message-ID {2}). Försäkringskassan bekräftar mottagandet inom två arbetsdagar.</source>
        <translation>Sent to {0} with {1} attachments (Message-ID {2}). Försäkringskassan confirms receipt within two working days.</translation>
    </message>
    <message>
        <source>Sändningen av ”{0}” är registrerad med den beställningen.</source>
        <translation>The sending of “{0}” is recorded with that order.</translation>
    </message>
    <message>
        <source>Inget skickades. {0}</source>
        <translation>Nothing was sent. {0}</translation>
    </message>
    <message>
        <source>Inget skickades: oväntat fel ({0}).</source>
        <translation>Nothing was sent: unexpected error ({0}).</translation>
    </message>
    <message>
        <source>Beställningen räknas som skickad först när du har skickat den från ditt e-postprogram. Klicka då på ”Jag har skickat den nu”, eller ange ”Skickad till FK” med rätt datum på startsidan.</source>
        <translation>The order counts as sent only once you have sent it from your email program. Then click “I have sent it now”, or enter “Sent to FK” with the right date on the start page.</translation>
    </message>
    <message>
        <source>Skickad från e-postprogrammet</source>
        <translation>Sent from the email program</translation>
    </message>
    <message>
        <source>Det gick inte att registrera att beställningen skickats ({0}). Ange det på startsidan.</source>
        <translation>Could not register that the order was sent ({0}). Enter it on the start page.</translation>
    </message>
    <message>
        <source>Registrerat: skickad till Försäkringskassan {0}. FK bekräftar mottagandet inom två arbetsdagar.</source>
        <translation>Registered: sent to Försäkringskassan {0}. FK acknowledges receipt within two working days.</translation>
    </message>
    <message>
        <source>Utkastet kunde inte sparas ({0}).</source>
        <translation>The draft could not be saved ({0}).</translation>
    </message>
    <message>
        <source>Sparar paketet …</source>
        <translation>Saving the package …</translation>
    </message>
    <message>
        <source>Paketet är sparat i {0}</source>
        <translation>The package is saved in {0}</translation>
    </message>
    <message>
        <source>Paketet kunde inte sparas ({0}).</source>
        <translation>The package could not be saved ({0}).</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Inställningar</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Timpris och fördröjning</source>
        <translation>Hourly rate and lag</translation>
    </message>
    <message>
        <source>E-postserver</source>
        <translation>Email server</translation>
    </message>
</context>
<context>
    <name>SmtpSettingsWidget</name>
    <message>
        <source>STARTTLS (vanligen port 587)</source>
        <translation>STARTTLS (usually port 587)</translation>
    </message>
    <message>
        <source>TLS direkt (vanligen port 465)</source>
        <translation>TLS directly (usually port 465)</translation>
    </message>
    <message>
        <source>Ingen kryptering (endast utan inloggning)</source>
        <translation>No encryption (only without login)</translation>
    </message>
    <message>
        <source>t.ex. smtp.universitet.se</source>
        <translation>e.g. smtp.university.se</translation>
    </message>
    <message>
        <source>oftast din e-postadress</source>
        <translation>usually your email address</translation>
    </message>
    <message>
        <source>tomt: beställarens e-post i beställningen</source>
        <translation>empty: the orderer&apos;s email in the order</translation>
    </message>
    <message>
        <source>sparas i nyckelringen</source>
        <translation>kept in the keychain</translation>
    </message>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Spara lösenordet i nyckelringen</source>
        <translation>Save the password in the keychain</translation>
    </message>
    <message>
        <source>Spara lösenordet</source>
        <translation>Save the password</translation>
    </message>
    <message>
        <source>Glöm</source>
        <translation>Forget</translation>
    </message>
    <message>
        <source>Glöm det sparade lösenordet</source>
        <translation>Forget the saved password</translation>
    </message>
    <message>
        <source>Glöm lösenordet</source>
        <translation>Forget the password</translation>
    </message>
    <message>
        <source>SMTP-server</source>
        <translation>SMTP server</translation>
    </message>
    <message>
        <source>Kryptering</source>
        <translation>Encryption</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Användarnamn</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Avsändaradress</source>
        <translation>Sender address</translation>
    </message>
    <message>
        <source>Lösenord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>E-postinställningarna kunde inte sparas ({reason}). Kontrollera att programmets inställningsmapp går att skriva till och att disken inte är full, och ändra sedan igen.</source>
        <translation>The email settings could not be saved ({reason}). Check that the program&apos;s settings folder can be written to and that the disk is not full, and then make the change again.</translation>
    </message>
    <message>
        <source>Skriv lösenordet först.</source>
        <translation>Type the password first.</translation>
    </message>
    <message>
        <source>Lösenordet är sparat i datorns nyckelring.</source>
        <translation>The password is saved in the computer&apos;s keyring.</translation>
    </message>
    <message>
        <source>Lösenordet är borttaget.</source>
        <translation>The password has been removed.</translation>
    </message>
    <message>
        <source>Ett lösenord finns sparat i nyckelringen.</source>
        <translation>A password is saved in the keyring.</translation>
    </message>
    <message>
        <source>Lösenordet sparas i datorns nyckelring, aldrig i en fil.</source>
        <translation>The password is saved in the computer&apos;s keyring, never in a file.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Sammanfattning</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Problem i beställningen</source>
        <translation>Problems in the order</translation>
    </message>
    <message>
        <source>Skriv blanketten (.docx)…</source>
        <translation>Write the form (.docx)…</translation>
    </message>
    <message>
        <source>Fyll i Försäkringskassans blankett…</source>
        <translation>Fill in Försäkringskassan&apos;s form…</translation>
    </message>
    <message>
        <source>Välj Försäkringskassans Word-blankett som du har laddat ned.</source>
        <translation>Choose Försäkringskassan&apos;s Word form that you have downloaded.</translation>
    </message>
    <message>
        <source>Till att skicka →</source>
        <translation>On to sending →</translation>
    </message>
    <message>
        <source>Bilagorna kunde inte granskas ({0}). Öppna Skicka och granska där.</source>
        <translation>The attachments could not be checked ({0}). Open Send and check there.</translation>
    </message>
    <message>
        <source>Granskar bilagorna och söker efter personnummer …</source>
        <translation>Checking the attachments and looking for personal identity numbers …</translation>
    </message>
    <message>
        <source>✔ Beställningen är komplett och kan skickas.</source>
        <translation>✔ The order is complete and can be sent.</translation>
    </message>
    <message>
        <source> Läs varningarna nedan.</source>
        <translation> Read the warnings below.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem måste rättas innan beställningen kan skickas.</source>
        <translation>
            <numerusform>%n problem must be fixed before the order can be sent.</numerusform>
            <numerusform>%n problems must be fixed before the order can be sent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>Två arbetsdagar efter att beställningen skickats</source>
        <translation>Two working days after the order was sent</translation>
    </message>
    <message>
        <source>1–3 månader efter leveransen</source>
        <translation>1–3 months after delivery</translation>
    </message>
    <message>
        <source>Sex månader efter leveransen, om inte längre lagring beställts</source>
        <translation>Six months after delivery, unless longer storage was ordered</translation>
    </message>
    <message>
        <source>Senast</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Nu, efter beslutet</source>
        <translation>Now, after the decision</translation>
    </message>
    <message>
        <source>Önskat leveransdatum</source>
        <translation>Desired delivery date</translation>
    </message>
    <message>
        <source>FK gallrar</source>
        <translation>FK deletes the files</translation>
    </message>
    <message>
        <source>Väntas</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source> · skickad i appen</source>
        <translation> · sent from the app</translation>
    </message>
    <message>
        <source>Inte registrerat</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>Väntas %1 – %2</source>
        <translation>Expected %1 – %2</translation>
    </message>
    <message>
        <source> – försenad</source>
        <translation> – overdue</translation>
    </message>
    <message>
        <source> – nästa steg</source>
        <translation> – next step</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>&amp;Ångra</source>
        <translation>&amp;Undo</translation>
    </message>
</context>
<context>
    <name>WizardPage</name>
    <message>
        <source>Steg i beställningen</source>
        <translation>Steps in the order</translation>
    </message>
    <message>
        <source>Ny version / upprepad beställning</source>
        <translation>New version / repeat order</translation>
    </message>
    <message>
        <source>Skapar en kopia att ändra och skicka. Varje leverans kräver ny prövning, beslut och offert.</source>
        <translation>Creates a copy to change and send. Every delivery needs a new review, decision and quote.</translation>
    </message>
    <message>
        <source>← &amp;Föregående</source>
        <translation>← &amp;Previous</translation>
    </message>
    <message>
        <source>Föregående steg (Alt+Vänsterpil)</source>
        <translation>Previous step (Alt+Left arrow)</translation>
    </message>
    <message>
        <source>&amp;Nästa →</source>
        <translation>&amp;Next →</translation>
    </message>
    <message>
        <source>Nästa steg (Alt+Högerpil)</source>
        <translation>Next step (Alt+Right arrow)</translation>
    </message>
    <message>
        <source>Utkastet sparat automatiskt.</source>
        <translation>Draft saved automatically.</translation>
    </message>
    <message>
        <source>Val av blankett</source>
        <translation>Choice of form</translation>
    </message>
    <message>
        <source>Sammanfattning</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Beställningen är skickad till Försäkringskassan {0} och kan inte ändras här.</source>
        <translation>The order was sent to Försäkringskassan {0} and cannot be changed here.</translation>
    </message>
</context>
</TS>
