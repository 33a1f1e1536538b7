// A Dutch domain lexicon for public health, safety and care (GGD, GHOR, ambulance care, Zorg- en
// Veiligheidshuis) and for the organisation behind them. Short consultation texts share few words, but
// they share concepts: "consultatiebureau", "jeugdverpleegkundige" and "JGZ" are all youth health care.
// Each word root below maps to a concept; the concepts become extra features next to words and
// character n-grams. Written from knowledge of Dutch and of the field, not from any labelled set.
//
// Root syntax (all lower case, diacritics folded):
//   "=jgz"   the whole word only (abbreviations, short or ambiguous words);
//   "jeugd"  roots of 5+ letters match anywhere in a word, so compounds match ("jeugdgezondheidszorg");
//   "rook"   roots of 3–4 letters match at the start or the end of a word ("rookvrij", "meeroken" no);
//   "^data"  the start of a word only, whatever the length.

export type Concept = { id: string; roots: string[] };

const c = (id: string, roots: string): Concept => ({ id, roots: roots.split(/\s+/).filter(Boolean) });

export const CONCEPTS: Concept[] = [
  c(
    'jeugd',
    `pasgeboren =moeder =moeders =vader =vaders kindcentrum =ikc =jongerenwerk jongerenwerker speeltuin
     ontwikkelingsachterstand taalachterstand kinderarts schoolverpleegkundig ouderapp groeiboek =peuters
     zwangeren kinderwens kansrijke-start =babyspreekuur =inloopspreekuur jeugdigen =tieners jeugd =jgz kind
     kinderen kinds =kids baby babys zuigeling peuter kleuter tiener puber pubert adolesc jongere jongeren =jong
     =jeugdige consultatiebureau =cb jeugdarts jeugdverpleegkundig opvoed ouderschap =ouders ouder-kind kraamzorg
     kraam verloskund zwanger geboorte prenata postnata hielprik groeicurve borstvoeding flesvoeding kinderopvang
     =kdv =bso =vve voorschool peuterspeel jeugdhulp jeugdzorg jeugdwet gezinnen =gezin gezins opgroei jonggezin
     jeugdteam =cjg schoolarts`,
  ),
  c(
    'onderwijs',
    `schoolleiding schooldirecteur =rector =zorgteam leerplicht =roc hogeschool universiteit =campus lesmateriaal
     =ouderavond studentenwelzijn school scholen onderwijs leerling leraar leraren leerkracht docent =klas
     =klassen basisschool middelbare voortgezet =vo =po =mbo =hbo =wo student studenten schoolverzuim
     verzuimspreek thuiszitter zorgcoordinator passend schoolplein schoolgaand mentoruur lesprogramma =les
     =lessen lespakket onderwijsinstell kinderdagverblijf`,
  ),
  c(
    'ouderen',
    `=vitale ouderenadviseur seniorenwoning =aow rollator woonzorg =valongeluk hulpbehoevend =zorgbehoefte
     =naasten =grootouders =thuiswonende =zelfredzaam zelfredzaamheid ouderen =oudere senior vergrijz dementie
     alzheimer mantelzorg mantelzorger eenzaam eenzaamheid thuiswonend valpreventie valrisico verpleeghuis =vvt
     thuiszorg wijkverpleg levenseinde kwetsbare =75-plus =65-plus =75plus =65plus ouderenzorg ouderenwerk
     dagbesteding zorgcentrum bejaard pensioen hoogbejaard langer-thuis mantelzorgers respijt geriat ouderdom`,
  ),
  c(
    'mentaal',
    `=psyche overspannen =burn =psychosociaal =emotioneel =paniek slapeloos taboe =stigma =bespreekbaar =mental
     =health eenzaam eenzaamheid =piekert =zingeving =stemming =rouw rouwverwerk mentale mentaal psychisch psychi
     =ggz depress somber angst angstig =stress gestrest stressklachten gestrest burnout =burn-out suicid
     zelfdoding zelfmoord welzijn welbevinden veerkracht weerbaar piekeren trauma psycholoog psychiater =113
     onbegrepen verward =verwarde prestatiedruk faalangst eetstoorn zelfbeschadig gelukkig geluk emotione
     =emoties gevoelens mentaalgezond =mgn praatgroep lotgenoot luisterend`,
  ),
  c(
    'leefstijl',
    `vetzucht diabetes suikerziekte =hart-en-vaatziekten =chronisch =chronische =kanker rookverbod
     stoppen-met-roken binge comazuipen energiedrank =ontbijt =lunch moestuin middelengebruik =sportvereniging
     =sportverenigingen =beweegaanbod =beweegt ^sport =sporten =wandelen =wandeling leefstijl overgewicht
     obesitas =gewicht afvallen =roken =rook rookvrij tabak sigaret =vapen =vape vapes e-sigaret nicotine alcohol
     =drank drinken bier =drugs drugsgebruik lachgas cannabis blowen verslav =bewegen beweging beweeg sporten
     sportclub voeding =eten gezondeten suiker snoep frisdrank fastfood =slaap slapen =jogg =gli
     leefstijlinterventie preventieakkoord =gala gezondheidsbevorder schermtijd gamen gokken fitness groente
     fruit ongezond gezondere beweegaanbod zwemmen buitenspelen`,
  ),
  c(
    'preventie',
    `preventie preventief voorkomen vroegsignal =vroeg vroegtijdig signaleren signalering bewustwording
     voorlichting campagne =gezondheidsbevordering =screening bevolkingsonderzoek risicogroep`,
  ),
  c(
    'infectie',
    `=ziekte =ziekten griepvaccin =prikpost =priklocatie uitbrak contactonderzoek =scabies =schurft hoofdluis
     =luizen rs-virus waterpokken =polio difterie meningokok q-koorts =ebola =afweer immuniteit vaccinatietwijfel
     =antivax =infecties infectie infectieziekte virus virussen vaccin vaccinatie vaccineren inenting inenten
     =prik =prikken =rvp rijksvaccinatie mazelen griep griepprik corona =covid covid-19 pandemie epidemie
     uitbraak besmet besmetting bron-en-contact =bco =tbc tuberculose =soa soa's =hiv hygiene legionella
     antibiotica resistent =bri zoonose vogelgriep =mpox =rivm quarantaine =isolatie teststraat mondkap kinkhoest
     =hpv =bmr vaccinatiegraad vaccinatiebereid prikbereid =lci ziekteverwekker bacterie kiemen meldingsplicht`,
  ),
  c(
    'crisis',
    `=ongeval ongevallen =brand =branden =explosie =aanslag terreur gijzeling noodopvang noodvoorzien =nood
     alarmering =alarm =sirene hulpdienst hulpdiensten =c2000 portofoon satelliettelefoon =telefonie black-out
     blackout uitwijklocatie gevaarlijke-stoffen =asbest multidisciplin beleidsteam burgemeester burgemeesters
     noodverordening =leiding-en-coordinatie =pandemie crisis crises =ramp rampen =ghor oefen oefening oefeningen
     =incident =incidenten calamit opschal =grip =coped =copi =rot =rbt draaiboek paraat paraatheid evacu
     noodplan bevolkingszorg hulpverleningsdienst veiligheidsregio brandweer stroomuitval overstroming continuit
     bedrijfscontinuit crisisteam piket slachtoffer slachtoffers gewondenspreiding grootschalig rampenbestrijding
     =gnk =gags =ovd-g =ovdg =hon =acgz psychosociale nafase =noodsituatie noodsituaties noodstroom aggregaat
     scenario scenarios =dcc ketenoefening crisisorganisatie =vrhm =ggb crisiscommunicatie =nl-alert evenement
     evenementen festival vuurwerk`,
  ),
  c(
    'ambulance',
    `mobiele-zorg zorgambulance patientenvervoer ziekenvervoer zorgvervoer =hartfalen beroerte zwaailicht =a1 =a2
     =urgentie dekkingsplan paramedic ambulancebroeder centralist =meldingen ambulance =rav aanrijtijd
     aanrijtijden normtijd rijtijd meldkamer =112 =mka spoed spoedeisend =seh =aed reanim burgerhulpverlen
     hartslagnu rapid responder =responders standplaats standplaatsen uitruk =ritten =rit triage =acute
     acute-zorg =roaz zorgcentrale helikopter traumaheli =mmt spoedpost huisartsenpost =hap ambulances
     ambulancezorg ambulanceverpleegkund ambulancechauffeur meldkamerpersoneel posteren =ter-plaatse
     hartstilstand zorgplicht ziekenhuisopname overdrachtstijd seh-arts spoedzorg`,
  ),
  c(
    'werkdruk',
    `ziekmeld =ziek =moe vermoeid ploegendienst onregelmatig weekenddienst =rust ontspanning registratiedruk
     papierwerk administratie administratieve =capaciteit =bezetting =zwaar =zware werkomstandigheden
     arbeidsomstandigheden =arbo bedrijfsarts =uitvallen =overbelasting werkdruk werkplezier verzuim
     ziekteverzuim overbelast overuren overwerk =druk =drukte =uitgeput burnout vitaliteit =balans werk-prive
     herstel =pauze =pauzes roosters =rooster dienstrooster nachtdienst nachtdiensten =diensten onderbezet
     onderbezetting =personeel personeels =collega collegas =formatie =fte taakbelast werklast =werkdruk
     administratiedruk registratielast regeldruk =bureaucratie werkbelasting =tempo`,
  ),
  c(
    'arbeidsmarkt',
    `=aantrekkelijk personeelstekort vacatureruimte =openstaande =werknemers =schaarste =schaars pensionering
     zij-instroom zij-instromers =arbeidsmarktcampagne =contracten =vast =vaste-contracten =tijdelijk =tijdelijke
     arbeidsmarkt vacature vacatures werving werven =krapte tekort tekorten instroom uitstroom =behoud behouden
     werkgeverschap werkgever =salaris salarissen =cao =inhuur =zzp zzp'ers flexpool =flexibel =uitzend
     sollicitant sollicit =baan =banen =functie functies =loopbaan carriere =beloning arbeidsvoorwaard
     =personeelstekort zij-instromer herintreder =ontslag`,
  ),
  c(
    'leren',
    `bijscholen leerdoel leertraject ontwikkelbudget scholingsbudget praktijkbegeleid werkbegeleid vakmanschap
     =expertise kennisbank kennissessie leerklimaat certificaat certificering =diploma herregistratie =skills
     vaardighe studiedag =congres leeruren =leertijd opleidingsplan onboarding =buddy meeloopdag =meelopen
     leiderschap simulatie =ontwikkelen =ontwikkeling =leren =leer leeromgeving leerbudget leerlijn opleiding
     opleidingen opleiden scholing bijscholing nascholing training trainingen trainen cursus cursussen e-learning
     elearning intervisie coaching =coach mentor academie =accreditatie =accreditatiepunten =big-registratie
     vakbekwaam bekwaam bekwaamheid vaardigheden talent talenten ontwikkelen ontwikkeling kennisdeling kennis
     lerende reflectie =stage stagiair trainee =traineeship =workshop =workshops =masterclass inwerken
     inwerkprogramma =lunchlezing ontwikkelgesprek ontwikkelplan =groeien doorgroei`,
  ),
  c(
    'communicatie_intern',
    `=interne =intern medewerkersbijeenkomst kwartaalbijeenkomst nieuwsberichten weekbrief =vlog podcast
     berichtgeving mededeling =boodschap =toon afdelingsoverleg teamleider teamleiders teammanager =directeur
     raad-van-bestuur =mt =leiding =zichtbaar zichtbaarheid =doorgeven =geruchten =roddel =informeert
     communicatie communiceren intranet nieuwsbrief =informeren =geinformeerd =informatie =mail e-mail mailtjes
     =mails =berichten =bericht =teamoverleg vergadering vergaderingen =overleg =directie leidinggevend
     management manager managers transparant transparantie terugkoppel =feedback =nieuws kanaal kanalen yammer
     weekbericht townhall =uitleg duidelijkheid werkoverleg =afdeling afdelingen =bestuurder =bestuurders
     =achter-de-schermen =wandelgangen personeelsbijeenkomst =bijeenkomst =bijeenkomsten =update =updates =lijnen
     =top-down =bovenaf organisatiebreed =besluit =besluiten =besluitvorming =veranderingen reorganisatie`,
  ),
  c(
    'medezeggenschap',
    `personeelsraad =reglement instemmingsaanvraag overlegvergadering achterbanbijeenkomst =verkozen =zetel
     =zetels =or-lid ondernemingsraden jongerenraad clientenparticipatie ervaringsraad inspraakrecht stemrecht
     =advisering vooroverleg =adviesrechten medezeggenschap ondernemingsraad =or =or-leden
     personeelsvertegenwoordig =pvt instemming instemmingsrecht adviesrecht adviesaanvraag achterban =wor vakbond
     vakbonden zeggenschap meebeslissen ondernemingsraadsleden =commissie =commissies vertegenwoordig =ocr =cor
     =gor cliëntenraad clientenraad =adviesraad adviesraden =inspraak =medezeggenschapsraad =mr =verkiezingen
     =verkiezing =kandidaten =faciliteit =faciliteiten =achterbanraadpleging =instemmen =adviseren =ongevraagd`,
  ),
  c(
    'digitaal',
    `apparatuur =printer scannen =papieren =papier formulier formulieren webformulier ehealth e-health zorgapp
     thuismonitoring telemonitoring =video datakwaliteit privacyregels =beveiliging =hack hackers phishing
     ransomware inloggegevens tweestapsverificatie authenticatie =accounts =account licentie licenties helpdesk
     servicedesk =microsoft =google chatgpt copilot =automatisch gebruiksvriendelijk =interface =scherm =schermen
     digitaal digitale digitalis data =ict =it software systeem systemen applicatie =app apps dossier dossiers
     =edd =epd =ecd privacy =avg gegevens database =ai algoritme kunstmatige automatis portaal =online cyber
     cyberaanval laptop laptops =wifi inlog inloggen =koppeling =koppelingen gegevensuitwisseling =digid website
     =dpia dashboard dashboards informatievoorziening informatiebeveilig datalek wachtwoord chatbot =chat chatten
     videobellen beeldbellen =tablet =tablets =computer computers telefoon smartphone =excel =sharepoint =outlook
     registratiesysteem =cloud =server =storing =storingen =tooling digivaardig digibeet =hybride thuiswerk`,
  ),
  c(
    'samenwerking',
    `convenant coalitie apotheek apotheker fysiotherap welzijnsorganisatie =regionaal =regionale bovenregionaal
     netwerkzorg naadloos overdrachtsformulier verwijsbrief ketensamenwerking samenwerk samenwerking =keten
     ketenpartner ketenpartners ketenzorg netwerk netwerken transmura =overdracht overdrachten warme-overdracht
     =regie afstemming afstemmen =partners =partner ziekenhuis ziekenhuizen huisarts huisartsen wijkteam
     wijkteams sociaal-domein =domein domeinoverstijgend =integraal integrale =schotten verwijzing doorverwijz
     verwijzen zorgpad zorgpaden =zorgketen =zorgverleners zorgaanbieder zorgaanbieders =ketenaanpak regiobreed
     =eerstelijn eerstelijns =tweedelijns =anderhalvelijn =praktijkondersteuner =poh =zorgnetwerk =gezamenlijk
     gezamenlijke =verbinding =verbinden =schakel =loket`,
  ),
  c(
    'gemeenten',
    `=gemeentes raadsvoorstel raadsinformatie opdrachtgeverschap uitvoeringsorganisatie =offertes factuur
     facturen =contract =afspraken =klant =klanten dienstverlenend ambtenaar ambtenaren ambtelijk regiogemeenten
     gemeente gemeenten gemeentelijk gemeentelijke wethouder wethouders gemeenteraad raadsleden =raad =college
     =b-en-w opdrachtgever opdrachtgevers dienstverlening basistakenpakket maatwerk plustaken =dvo accountmanager
     accounthouder bereikbaar bereikbaarheid klantcontact gemeentesecretaris bestuurlijk bestuurlijke
     portefeuillehouder =ab =db gemeenschappelijke =gr =dienstverleningsovereenkomst =beleidsadviseur
     beleidsmedewerker lokaal lokale =lokaal =gemeentegrens maatwerkafspraak =producten productencatalogus
     =offerte contactpersoon aanspreekpunt responstijd`,
  ),
  c(
    'armoede',
    `schuldenproblematiek betalingsachterstand geldproblemen huurachterstand armoedeval minimabeleid stadspas
     meedoenregeling =werkloos werkloosheid arbeidsmigrant armoede =arm schulden =schuld geldzorg geldzorgen
     =inkomen =minima minimum bestaanszekerheid gezondheidsverschil gezondheidsverschillen gezondheidsachterstand
     kansengelijkheid kansarm sociaaleconomisch =ses laaggeletterd laaggeletterdheid taalbarriere migrant
     migranten statushouder statushouders nieuwkomer nieuwkomers =asiel asielzoeker =azc voedselbank toeslag
     toeslagen energiearmoede kwetsbaar kwetsbare achterstandswijk achterstand =ongelijk ongelijkheid =betalen
     betaalbaar schuldhulp schuldhulpverlening =bijstand =uitkering laagopgeleid =laag-inkomen =vluchteling
     vluchtelingen =oekraiense =anderstalig`,
  ),
  c(
    'wonen',
    `woonruimte woningtekort scheefwonen huisuitzetting =uitzetting woningbouw woonvoorziening woonlasten
     =tochtig huisvesting =wonen woning woningen woningcorporatie corporatie corporaties dakloos daklozen
     thuisloos thuislozen =huur huurder huurders woningnood schimmel =vocht binnenmilieu woonomgeving =wijk
     =wijken =buurt =buurten buurtbewoner buurthuis =woonwijk =nieuwbouw leefomgeving =opvang
     maatschappelijke-opvang asielopvang maatschappelijke-opvang =beschermd =beschermd-wonen =woonoverlast`,
  ),
  c(
    'klimaat',
    `luchtverontreinig =verkeer =industrie =schiphol vliegverkeer =emissie emissies hittestress =airco ventilator
     =smog =ozon =muggen tijgermug =exoten =natuur =parken =park buitenruimte groenvoorziening versten versteend
     =tegels energietransitie zonnepanelen chemisch tekenbeet klimaat hitte hittegolf hitteplan =warmte =warm
     koelte =koelen droogte milieu luchtkwaliteit fijnstof =geluid geluidsoverlast =pfas chemie =bodem zwemwater
     blauwalg =teek =lyme duurzaam duurzaamheid =co2 uitstoot =groen =groene =bomen schaduw =zon zonnebrand =uv
     pollen hooikoorts tropisch temperatuur temperaturen windmolen windturbine veehouderij geitenhouderij
     omgevingswet milieukunde =mmk overstroming klimaatadaptatie =verkoeling koelplek =ventilatie =ventileren
     =hitteplan =kwetsbaren watertappunt drinkwater extreem =zomer =zomers onweer =storm =wateroverlast
     =luchtvervuiling =stikstof houtstook =binnenklimaat`,
  ),
  c(
    'veiligheid',
    `partnergeweld seksueel-geweld grensoverschrijdend femicide buurtbemiddeling =bemiddeling =dwang gedwongen
     gevaarscriterium wijkagent =boa =boas gevangenis =vrijlating re-integratie criminelen =straf strafrecht
     verward extremisme polarisatie jeugdbescherming kinderbescherming uithuisplaatsing =ots onveilig =meldingen
     veiligheidshuis =zvh zorg-en-veiligheid veiligheid =veilig =geweld geweldsinc huiselijk-geweld huiselijk
     kindermishandeling mishandel veilig-thuis ouderenmishandeling zorgmijder zorgmijders radicalis ondermijning
     criminaliteit crimineel justitie reclassering politie =openbare-orde casus casuistiek =escalatie escaleren
     overlast =wvggz =wzd =e33 persoonsgericht =pga detentie gedetineerd ex-gedetineerde meldcode stalking
     loverboy uitbuiting mensenhandel zeden eergerelateerd agressie =dreiging bedreiging bedreigd =wijkagent
     officier =ovj =veiligheidsketen zorgmachtiging crisismaatregel =zorgcoordinatie risicotaxatie =afschaling
     =nazorg =plusaanpak =top-x =top600 =high-impact =hic =woonoverlast`,
  ),
  c(
    'positieve_gezondheid',
    `gezondheidsgesprek brede-blik =zinvol =levenslust eigen-kracht vraag-achter-de-vraag =welzijnsdimensies
     positievegezondheid positieve-gezondheid spinnenweb =dimensies =dimensie eigen-regie zingeving =meedoen
     =kwaliteit-van-leven =huber gesprekstool =gesprekskaart =gesprekskaarten welbevinden =veerkrachtig
     =dagelijks-functioneren =lichaamsfuncties =zelfregie =ambassadeurs =ambassadeur =iph =mensgericht
     =levensvragen =levenskwaliteit =aanpassen =omgaan`,
  ),
  c(
    'financien',
    `=betaald =centen kostenstijging =prijs =prijzen =inkoop =inkopen aanbesteding financieel zorgverzeker financ
     financiering budget budgetten begroting bekostig =geld =kosten kostprijs =euro =euros bezuinig subsidie
     subsidies =tarief tarieven inwonerbijdrage =bijdrage =middelen investering investeren =structureel
     structurele =incidenteel incidentele gefinancierd =fonds kostenneutraal =spuk rijksgeld rijksmiddelen
     =declaratie =declareren =dekking geldstromen =projectgeld projectfinanciering =geoormerkt =meerjarig
     =kostbaar =goedkoper =besparen besparing =kostenbesparing =jaarrekening =accountant =miljoen =miljoenen
     =doelmatig doelmatigheid =rendement =gemeentefonds =uitkering`,
  ),
  c(
    'participatie',
    `participeren meepraten meedenkers wijkraad dorpsraad bewonersavond laagdrempelig jongerenpanel vrijwilliger
     vrijwilligers vrijwilligerswerk ervaringsverhalen inwoner inwoners =burger burgers bewoner bewoners
     participatie =betrekken betrokken betrokkenheid meedenken meedoen raadpleging =consultatie enquete =panel
     burgerpanel inwonerspanel ervaringsdeskundig =stem =stemmen luisteren =dialoog wijkbijeenkomst co-creatie
     cocreatie klankbord klankbordgroep =doelgroep doelgroepen toegankelijk begrijpelijk =b1 taalniveau
     =jip-en-janneke buurtgesprek burgerberaad burgertop =inspraakavond =wijkgericht =bereik`,
  ),
  c(
    'diversiteit',
    `diversiteit divers inclusie inclusief inclusiviteit discriminatie =lhbti =lhbtiq =gender culturele
     cultuursensitief =achtergrond =migratieachtergrond =religie =taal =talen tolk tolken =vertaling =vertaald`,
  ),
  c(
    'monitoring',
    `monitor monitoring gezondheidsmonitor =onderzoek onderzoeken epidemiolog =cijfers =trend =trends =peiling
     vragenlijst =emovo =wetenschappelijk =evidence =evidence-based effectiviteit =evaluatie evalueren =meten
     =meetbaar indicator indicatoren =kpi =kpis =rapportage =rapportages =registratie =analyse =analyses =inzicht
     =inzichten =data-gedreven datagedreven =benchmark =kengetallen`,
  ),
  c(
    'toezicht',
    `toezicht inspectie inspecties =tho technische-hygienezorg tatoeage tattoo piercing =lrk handhaving
     =handhaven =vergunning vergunningen =inspecteur inspecteurs =kwaliteitseisen =normen =voorschriften
     =gastouder gastouders =sanctie`,
  ),
  c(
    'seksualiteit',
    `seksueel seksuele seksualiteit anticonceptie =sense zwangerschapspreventie ongewenste-zwangerschap
     =nu-niet-zwanger relaties =relatie =lhbti =seksuele-gezondheid =tienerzwangerschap =prostitutie =sekswerk
     sekswerkers =pil`,
  ),
  c(
    'platteland',
    `platteland landelijk =dorp =dorpen =dorpskern =kernen =afstand =afstanden =reistijd =spreiding =buitengebied
     =polder =dijk =dijken =eiland =uithoek =uithoeken =stad =steden =stedelijk`,
  ),
  c(
    'huisvesting_organisatie',
    `=kantoor kantoren werkplek werkplekken flexplek flexplekken =gebouw =gebouwen =parkeren parkeerplaats
     =locatie =locaties =vestiging vestigingen =kantine =vergaderruimte =fiets =ov =reiskosten =thuiswerken
     =hybride =verhuizing =verhuizen`,
  ),
  c(
    'cultuur',
    `=cultuur organisatiecultuur =sfeer =waardering gewaardeerd =erkenning =trots psychologische-veiligheid
     aanspreekcultuur teamgeest collegialiteit =saamhorigheid =werksfeer =veranderingen =verandering =onrust
     =ongerust`,
  ),
  c(
    'communicatie_extern',
    `voorlichting =media sociale-media =socialmedia =instagram =tiktok =facebook =linkedin =twitter =youtube influencer
     influencers =pers persbericht journalist journalisten =krant kranten =nieuwsbericht =website =folder =folders
     =flyer =flyers =poster =posters =campagne campagnes =doelgroepgericht =boodschap publiekscommunicatie
     =woordvoerder =woordvoering =imago zichtbaarheid =naamsbekendheid merkbekendheid =nepnieuws desinformatie`,
  ),
  c(
    'forensisch_reizigers',
    `forensisch forensische lijkschouw =schouwarts arrestant arrestantenzorg =zedenonderzoek =letselduiding
     reizigersadvies reizigersvaccin =reizigers =tropen =malaria =gele-koorts =reis =reizen`,
  ),
  c(
    'verslaving_oggz',
    `verslaving verslaafd verslavingszorg =oggz bemoeizorg zorgmijd dakloos daklozen thuisloos =sociaal-kwetsbaar
     =drugsoverlast =alcoholisme =alcoholist =gokverslaving =middelengebruik =nachtopvang =straatwerk =veldwerk
     =outreachend =vangnet =meldpunt =meldpunten`,
  ),
];

/** Word → concept indices (cached per folded word), and multi-word phrases joined without spaces. */
export type ConceptMatcher = {
  word: (folded: string) => number[];
  /** "bronencontact" → concepts: matched on two or three adjacent tokens, stop words included. */
  phrases: ReadonlyMap<string, number[]>;
  count: number;
};

export function createConceptMatcher(concepts: Concept[] = CONCEPTS): ConceptMatcher {
  const exact = new Map<string, number[]>();
  const phrases = new Map<string, number[]>();
  const anywhere: Array<[string, number]> = [];
  const edge: Array<[string, number]> = [];
  const start: Array<[string, number]> = [];
  const add = (map: Map<string, number[]>, key: string, index: number): void => {
    const list = map.get(key) ?? [];
    if (!list.includes(index)) list.push(index);
    map.set(key, list);
  };
  concepts.forEach((concept, index) => {
    for (const raw of concept.roots) {
      const root = raw.replace(/^[=^]/, '');
      if (root.includes('-')) {
        // Several words: a phrase, and the written-together compound ("positievegezondheid").
        const joined = root.replace(/-/g, '');
        add(phrases, joined, index);
        if (raw.startsWith('=') || joined.length < 8) add(exact, joined, index);
        else anywhere.push([joined, index]);
      } else if (raw.startsWith('=')) add(exact, root, index);
      else if (raw.startsWith('^')) start.push([root, index]);
      else if (root.length >= 5) anywhere.push([root, index]);
      else if (root.length >= 3) edge.push([root, index]);
    }
  });
  const cache = new Map<string, number[]>();
  const word = (folded: string): number[] => {
    const hit = cache.get(folded);
    if (hit) return hit;
    const found = new Set<number>(exact.get(folded) ?? []);
    for (const [root, index] of anywhere) if (folded.includes(root)) found.add(index);
    for (const [root, index] of edge) {
      if (
        folded.startsWith(root) ||
        folded.endsWith(root) ||
        folded.endsWith(root + 'en') ||
        folded.endsWith(root + 's')
      )
        found.add(index);
    }
    for (const [root, index] of start) if (folded.startsWith(root)) found.add(index);
    const result = [...found].sort((a, b) => a - b);
    if (cache.size > 200_000) cache.clear();
    cache.set(folded, result);
    return result;
  };
  return { word, phrases, count: concepts.length };
}
