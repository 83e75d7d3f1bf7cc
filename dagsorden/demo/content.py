"""Invented cases for Eksempel Kommune.

Each theme is one case: its route through the bodies, the item text in the municipality's
template, the recommendation's "at"-clauses, bilag and, where politicians disagree, who
votes against in the council."""

from dataclasses import dataclass, field

DIR = "direktionen"
SSU = "social-og-sundhedsudvalget"
TMU = "teknik-og-miljoeudvalget"
OEU = "oekonomiudvalget"
KB = "kommunalbestyrelsen"

ITEM_TEMPLATE = [
    "Sagens kerne",
    "Beslutningskompetence",
    "Sagsfremstilling",
    "Økonomi og finansiering",
    "Høring og kommunikation",
]

STANDARD_ITEMS = [
    {"title": "Godkendelse af dagsorden", "position": "start"},
    {"title": "Meddelelser fra formanden", "position": "start"},
    {"title": "Eventuelt", "position": "end"},
]


@dataclass(frozen=True)
class Theme:
    key: str
    title: str
    route: tuple[str, ...]
    item_type: str
    unit: str
    core: str
    body: str
    economy: str
    clauses: tuple[str, ...]
    communication: str = "Sagen kræver ingen særskilt kommunikation."
    bilag: tuple[str, ...] = ()
    against: tuple[str, ...] = ()
    closed: bool = False
    public_title: str = ""
    kle: str = "00.01.00"
    facet: str = "G01"
    extra_sections: tuple[tuple[str, str], ...] = field(default=())


THEMES = [
    Theme(
        key="legeplads",
        title="Renovering af legepladsen i Møllerparken",
        route=(DIR, TMU, OEU, KB),
        item_type="beslutning",
        unit="Center for Teknik og Miljø",
        kle="04.02.00",
        facet="G01",
        core=(
            "Legepladsen i Møllerparken er slidt ned, og flere redskaber er taget ud af brug "
            "efter det årlige sikkerhedseftersyn. Forvaltningen foreslår en samlet renovering "
            "med nye redskaber, faldunderlag og en sti, der kan bruges med kørestol."
        ),
        body=(
            "Møllerparken blev anlagt i 1998 og bruges dagligt af to dagtilbud og af "
            "familierne i de omkringliggende boligområder.\n\n"
            "Ved eftersynet i foråret blev tre redskaber lukket, fordi træet var rådnet. "
            "Forvaltningen har holdt to møder med brugerne, og ønskerne er samlet i "
            "skitseforslaget, der ligger som bilag.\n\n"
            "| Del af projektet | Pris (kr.) |\n|---|---:|\n"
            "| Nye legeredskaber | 1.150.000 |\n| Faldunderlag | 420.000 |\n"
            "| Tilgængelig sti og belysning | 330.000 |\n| I alt | 1.900.000 |"
        ),
        economy=(
            "Projektet koster 1,9 mio. kr. og foreslås finansieret af puljen til "
            "vedligehold af grønne områder i 2027."
        ),
        clauses=(
            "der gives en anlægsbevilling på 1,9 mio. kr. til renovering af legepladsen i "
            "Møllerparken",
            "udgiften finansieres af puljen til vedligehold af grønne områder",
        ),
        bilag=("Skitseforslag for Møllerparken", "Notat om sikkerhedseftersyn"),
    ),
    Theme(
        key="hjemmepleje",
        title="Kvalitetsstandard for hjemmepleje 2027",
        route=(DIR, SSU, KB),
        item_type="beslutning",
        unit="Center for Sundhed og Omsorg",
        kle="27.36.00",
        facet="P22",
        core=(
            "Kommunalbestyrelsen skal hvert år godkende kvalitetsstandarden for personlig "
            "pleje og praktisk hjælp. Den nye standard giver borgerne mulighed for at bytte "
            "rengøring til en gåtur med en medarbejder."
        ),
        body=(
            "Kvalitetsstandarden beskriver, hvilken hjælp borgerne kan få, hvordan der "
            "visiteres, og hvor hurtigt hjælpen sættes i gang.\n\n"
            "Ændringerne i forhold til 2026 er:\n\n"
            "- fleksibel hjemmehjælp, hvor borgeren kan bytte ydelser inden for samme tid\n"
            "- kortere sagsbehandlingstid ved akut behov (fra to til én hverdag)\n"
            "- et nyt afsnit om velfærdsteknologi, fx vasketoiletter"
        ),
        economy="Ændringerne holdes inden for det eksisterende budget.",
        clauses=("kvalitetsstandarden for hjemmepleje 2027 godkendes",),
        communication="Standarden lægges på kommunens hjemmeside og sendes til Ældrerådet.",
        bilag=("Kvalitetsstandard for hjemmepleje 2027", "Høringssvar fra Ældrerådet"),
    ),
    Theme(
        key="budgetopfoelgning",
        title="Budgetopfølgning efter 2. kvartal",
        route=(DIR, OEU, KB),
        item_type="beslutning",
        unit="Økonomi og Analyse",
        kle="00.30.10",
        facet="Ø00",
        core=(
            "Budgetopfølgningen viser et forventet merforbrug på driften på 4,2 mio. kr., "
            "især på specialundervisning og ældreområdet. Forvaltningen foreslår en række "
            "tiltag, der bringer forbruget ned."
        ),
        body=(
            "| Område | Budget (mio. kr.) | Forventet forbrug | Afvigelse |\n"
            "|---|---:|---:|---:|\n"
            "| Børn og skole | 612,4 | 615,9 | 3,5 |\n"
            "| Social og sundhed | 798,1 | 799,6 | 1,5 |\n"
            "| Teknik og miljø | 142,8 | 141,9 | -0,9 |\n"
            "| Administration | 188,0 | 188,1 | 0,1 |\n\n"
            "Merforbruget på børneområdet skyldes flere elever i specialklasser end forudsat. "
            "Forvaltningen foreslår at udskyde indkøb af nye it-systemer til 2027."
        ),
        economy="Tiltagene forventes at reducere merforbruget med 3,0 mio. kr.",
        clauses=(
            "budgetopfølgningen tages til efterretning",
            "de foreslåede tiltag til nedbringelse af merforbruget godkendes",
        ),
        against=("Ø",),
        bilag=("Budgetopfølgning, talbilag",),
    ),
    Theme(
        key="grund",
        title="Salg af erhvervsgrund ved Vestre Ringvej",
        route=(OEU, KB),
        item_type="beslutning",
        unit="Ejendomme",
        kle="82.02.00",
        facet="G01",
        closed=True,
        public_title="Lukket punkt: Ejendomshandel",
        core=(
            "En lokal virksomhed har givet et bud på den kommunale grund matr. nr. 14ab. "
            "Buddet ligger over vurderingen."
        ),
        body="Forhandlingerne om pris og vilkår fremgår af det fortrolige notat.",
        economy="Salgsindtægten indgår i kassebeholdningen.",
        clauses=("grunden sælges til den bydende på de beskrevne vilkår",),
    ),
    Theme(
        key="cykelsti",
        title="Cykelsti mellem Nørreby og Kirkeskov",
        route=(DIR, TMU, OEU, KB),
        item_type="beslutning",
        unit="Center for Teknik og Miljø",
        kle="05.01.00",
        facet="G01",
        core=(
            "Der mangler en sikker cykelforbindelse mellem Nørreby og skolen i Kirkeskov. "
            "Staten har givet tilsagn om 50 % medfinansiering fra cykelpuljen."
        ),
        body=(
            "Strækningen er 3,4 km. Vejen er smal, og der kører mange lastbiler til "
            "grusgraven. Forældre har i flere år bedt om en sti.\n\n"
            "Forvaltningen foreslår en dobbeltrettet sti i eget tracé på vejens østside. "
            "Der skal eksproprieres smalle bræmmer fra otte ejendomme."
        ),
        economy=(
            "Anlægget koster 11,6 mio. kr., hvoraf staten betaler 5,8 mio. kr. Kommunens "
            "andel finansieres af anlægsrammen for trafiksikkerhed 2027-2028."
        ),
        clauses=(
            "der gives en anlægsbevilling på 11,6 mio. kr. til cykelstien",
            "forvaltningen bemyndiges til at indlede ekspropriation",
        ),
        against=("I",),
        bilag=("Oversigtskort over strækningen", "Tilsagn fra cykelpuljen"),
    ),
    Theme(
        key="tilsyn",
        title="Årsrapport for tilsyn på plejecentre",
        route=(SSU,),
        item_type="orientering",
        unit="Center for Sundhed og Omsorg",
        kle="27.12.00",
        facet="G01",
        core=(
            "Udvalget orienteres om de uanmeldte tilsyn på kommunens fem plejecentre. Der "
            "er ingen alvorlige fund, men to centre skal forbedre dokumentationen af medicin."
        ),
        body=(
            "Tilsynene er gennemført af et eksternt firma. De ser på beboernes hverdag, "
            "personalets faglighed og de fysiske rammer.\n\n"
            "| Plejecenter | Vurdering |\n|---|---|\n| Solbakken | Ingen bemærkninger |\n"
            "| Egelunden | Mindre bemærkninger |\n| Fjordhjemmet | Ingen bemærkninger |\n"
            "| Lindegården | Mindre bemærkninger |\n| Åparken | Ingen bemærkninger |"
        ),
        economy="Sagen har ingen økonomiske konsekvenser.",
        clauses=("orienteringen tages til efterretning",),
        bilag=("Tilsynsrapporter 2026",),
    ),
    Theme(
        key="spildevand",
        title="Tillæg til spildevandsplanen for Strandvejskvarteret",
        route=(DIR, TMU, KB),
        item_type="beslutning",
        unit="Center for Teknik og Miljø",
        kle="06.00.05",
        facet="P15",
        core=(
            "Strandvejskvarteret oversvømmes ved skybrud. Forsyningen vil adskille regnvand "
            "og spildevand, og det kræver et tillæg til spildevandsplanen."
        ),
        body=(
            "Tillægget har været i offentlig høring i otte uger. Der kom seks høringssvar, "
            "primært om tidsplanen og om reetablering af haver.\n\n"
            "Forvaltningen anbefaler, at tillægget vedtages med den ændring, at "
            "grundejerne får to år i stedet for ét til at separere på egen grund."
        ),
        economy="Udgifterne afholdes af forsyningen og påvirker ikke kommunens budget.",
        clauses=("tillægget til spildevandsplanen vedtages endeligt med den beskrevne ændring",),
        bilag=("Tillæg nr. 4 til spildevandsplanen", "Høringsnotat"),
    ),
    Theme(
        key="rusmiddel",
        title="Strategi for rusmiddelbehandling af unge",
        route=(DIR, SSU, OEU, KB),
        item_type="beslutning",
        unit="Center for Social og Psykiatri",
        kle="29.09.00",
        facet="P22",
        core=(
            "Flere unge søger behandling for hash og kokain. Strategien samler indsatsen "
            "i ét ungeteam og giver behandling inden for 7 dage."
        ),
        body=(
            "Strategien er udarbejdet sammen med skoler, SSP og de unge selv. Den har tre "
            "spor: forebyggelse i udskolingen, hurtig behandling og støtte til forældre.\n\n"
            "Ungeteamet etableres i det tidligere bibliotek i Nørreby."
        ),
        economy="Strategien koster 1,2 mio. kr. årligt, som foreslås afsat i budget 2027.",
        clauses=(
            "strategien for rusmiddelbehandling af unge godkendes",
            "udgiften indgår i budgetforhandlingerne for 2027",
        ),
        bilag=("Strategi for rusmiddelbehandling af unge",),
    ),
    Theme(
        key="vinter",
        title="Regulativ for vintervedligeholdelse",
        route=(TMU, KB),
        item_type="beslutning",
        unit="Vej og Park",
        kle="05.13.00",
        facet="G01",
        core=(
            "Regulativet for snerydning og glatførebekæmpelse skal opdateres. Forslaget "
            "prioriterer cykelstier til skoler højere end i dag."
        ),
        body=(
            "Vejene deles i tre klasser. Klasse 1 ryddes inden kl. 6, klasse 2 inden kl. 10 "
            "og klasse 3 inden for 24 timer efter snefaldets ophør.\n\n"
            "Forslaget flytter 14 km skolecykelstier fra klasse 2 til klasse 1."
        ),
        economy="Ændringen koster 180.000 kr. årligt og holdes inden for vejområdets budget.",
        clauses=("regulativet for vintervedligeholdelse godkendes",),
        bilag=("Regulativ for vintervedligeholdelse", "Kort over ruteklasser"),
    ),
    Theme(
        key="frivillighed",
        title="Drøftelse af frivillighedspolitik",
        route=(SSU,),
        item_type="drøftelse",
        unit="Center for Social og Psykiatri",
        kle="00.01.10",
        facet="G01",
        core=(
            "Frivillighedspolitikken fra 2019 skal fornyes. Udvalget drøfter, hvilke "
            "temaer den nye politik skal have, før forvaltningen skriver et udkast."
        ),
        body=(
            "Foreningerne har ved et dialogmøde peget på tre ønsker: én indgang til "
            "kommunen, lettere adgang til lokaler og hjælp til at rekruttere unge frivillige."
        ),
        economy="Drøftelsen har ingen økonomiske konsekvenser.",
        clauses=("udvalget drøfter temaerne for en ny frivillighedspolitik",),
    ),
    Theme(
        key="personalesag",
        title="Personalesag",
        route=(OEU,),
        item_type="beslutning",
        unit="HR",
        kle="81.03.00",
        facet="G01",
        closed=True,
        public_title="Lukket punkt: Personalesag",
        core="Sagen vedrører en enkelt medarbejders ansættelsesforhold.",
        body="Oplysningerne fremgår af det fortrolige bilag.",
        economy="Ingen.",
        clauses=("forvaltningens forslag følges",),
    ),
    Theme(
        key="solceller",
        title="Solceller på kommunens bygninger",
        route=(DIR, TMU, OEU, KB),
        item_type="beslutning",
        unit="Ejendomme",
        kle="13.03.00",
        facet="G01",
        core=(
            "Solceller på 12 kommunale tage kan dække en femtedel af bygningernes elforbrug. "
            "Investeringen er tjent hjem på ni år."
        ),
        body=(
            "Forvaltningen har gennemgået 40 bygninger. 12 tage er egnede uden forstærkning.\n\n"
            "| Bygning | Effekt (kWp) |\n|---|---:|\n| Rådhuset | 85 |\n| Nørreby Skole | 140 |\n"
            "| Kirkeskov Hallen | 110 |\n| Øvrige ni bygninger | 390 |"
        ),
        economy="Anlægget koster 6,8 mio. kr. og finansieres af lånerammen til energiprojekter.",
        clauses=(
            "der gives en anlægsbevilling på 6,8 mio. kr. til solceller",
            "der optages lån til finansiering af anlægget",
        ),
        against=("O",),
        bilag=("Screening af tagflader",),
    ),
    Theme(
        key="sundhedsaftale",
        title="Ny sundhedsaftale med regionen",
        route=(DIR, SSU, KB),
        item_type="beslutning",
        unit="Center for Sundhed og Omsorg",
        kle="29.30.00",
        facet="A00",
        core=(
            "Regionen og kommunerne har forhandlet en ny sundhedsaftale. Den skal sikre, at "
            "ældre borgere ikke udskrives til tomme hjem."
        ),
        body=(
            "Aftalen indeholder fælles mål for færre genindlæggelser og en fælles "
            "akutfunktion om natten.\n\nKommunalbestyrelsen skal godkende aftalen inden "
            "udgangen af året."
        ),
        economy="Aftalen kræver ikke nye midler.",
        clauses=("sundhedsaftalen godkendes",),
        bilag=("Sundhedsaftale 2027-2030",),
    ),
    Theme(
        key="lokalplan",
        title="Lokalplan for boliger ved Skovbrynet",
        route=(DIR, TMU, OEU, KB),
        item_type="beslutning",
        unit="Plan og Byg",
        kle="01.02.05",
        facet="P16",
        core=(
            "Lokalplanen giver mulighed for 64 rækkehuse ved Skovbrynet. Planen har været i "
            "høring, og der er indkommet 23 høringssvar, mest om trafik."
        ),
        body=(
            "Forvaltningen foreslår, at vejadgangen flyttes fra Skovbrynet til Ringvejen, "
            "som ønsket i flere høringssvar. Ændringen kræver ikke en ny høring.\n\n"
            "Der er udarbejdet en miljøscreening, der ikke giver anledning til miljøvurdering."
        ),
        economy="Byggemodningen betales af bygherren.",
        clauses=(
            "lokalplanen vedtages endeligt med ændret vejadgang",
            "høringssvarene besvares som beskrevet i høringsnotatet",
        ),
        against=("Ø", "F"),
        bilag=("Lokalplan 2026-07", "Høringsnotat", "Miljøscreening"),
    ),
    Theme(
        key="ventetid",
        title="Status på ventetider til genoptræning",
        route=(SSU,),
        item_type="orientering",
        unit="Center for Sundhed og Omsorg",
        kle="29.03.00",
        facet="G01",
        core=(
            "Ventetiden til genoptræning efter hospitalsophold er faldet fra 21 til 9 dage, "
            "efter at træningscentret har fået længere åbningstider."
        ),
        body=(
            "| Kvartal | Gennemsnitlig ventetid (dage) |\n|---|---:|\n| 4. kvt. 2025 | 21 |\n"
            "| 1. kvt. 2026 | 15 |\n| 2. kvt. 2026 | 11 |\n| 3. kvt. 2026 | 9 |"
        ),
        economy="Ingen.",
        clauses=("orienteringen tages til efterretning",),
    ),
    Theme(
        key="affald",
        title="Ny ordning for indsamling af tekstilaffald",
        route=(DIR, TMU, KB),
        item_type="beslutning",
        unit="Affald og Genbrug",
        kle="07.00.00",
        facet="G01",
        core=(
            "Tekstiler skal sorteres for sig. Forvaltningen foreslår indsamling på "
            "genbrugspladserne og i containere ved de største boligområder frem for en "
            "ekstra spand ved hver husstand."
        ),
        body=(
            "Løsningen er den billigste af de tre undersøgte modeller og giver den højeste "
            "kvalitet af tekstilerne, fordi de holdes tørre."
        ),
        economy="Ordningen finansieres af affaldsgebyret, der stiger 35 kr. om året.",
        clauses=("ordningen for tekstilaffald godkendes",),
        bilag=("Notat om tre modeller for tekstilindsamling",),
    ),
    Theme(
        key="handicapraad",
        title="Drøftelse af samarbejdet med Handicaprådet",
        route=(SSU,),
        item_type="drøftelse",
        unit="Center for Social og Psykiatri",
        kle="27.69.40",
        facet="G01",
        core="Udvalget drøfter, hvordan Handicaprådet inddrages tidligere i sagerne.",
        body=(
            "Handicaprådet har foreslået et fast årligt dialogmøde og adgang til "
            "udvalgets kommende sager tre måneder frem."
        ),
        economy="Ingen.",
        clauses=("udvalget drøfter Handicaprådets forslag",),
    ),
    Theme(
        key="regnskab-hal",
        title="Anlægsregnskab for Kirkeskov Hallen",
        route=(DIR, OEU, KB),
        item_type="beslutning",
        unit="Økonomi og Analyse",
        kle="00.32.14",
        facet="G01",
        core=(
            "Udvidelsen af Kirkeskov Hallen er afsluttet. Regnskabet viser et mindreforbrug "
            "på 0,4 mio. kr."
        ),
        body=(
            "| | Bevilling (kr.) | Forbrug (kr.) |\n|---|---:|---:|\n"
            "| Udgifter | 24.500.000 | 24.100.000 |\n"
            "| Tilskud fra fonde | -3.000.000 | -3.000.000 |"
        ),
        economy="Mindreforbruget tilføres kassebeholdningen.",
        clauses=("anlægsregnskabet godkendes",),
    ),
]

# Meddelelser on the standard item, one set per cycle.
ANNOUNCEMENTS = [
    "Formanden orienterer om et møde med de lokale erhvervsforeninger.",
    "Forvaltningen orienterer om status på rekruttering af sygeplejersker.",
    "Formanden orienterer om KL's temadag om klimatilpasning.",
    "Forvaltningen orienterer om en ny aftale om vinterberedskab.",
    "Formanden orienterer om besøg på Solbakken Plejecenter.",
    "Forvaltningen orienterer om en henvendelse fra Ankestyrelsen.",
    "Formanden orienterer om det kommende dialogmøde med Ældrerådet.",
    "Forvaltningen orienterer om resultatet af den seneste trivselsmåling.",
]
