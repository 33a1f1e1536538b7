// Dutch stop words: the Snowball list, extended with function words it misses and with the filler that
// consultation input is full of ("graag", "echt", "eigenlijk", "vind", "zou", "moeten"). These never carry
// a theme, so they are left out of features and never appear in a cluster's name. Stored diacritics-folded.

const SNOWBALL = `de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan zou of
wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben deze u want nog zal me zij
nu ge geen omdat iets worden toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd
altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere`;

const FUNCTION_WORDS = `aan achter af alle allebei alleen allen alsnog andermans anders ander anderen beide beiden binnen boven
bovendien buiten daarbij daardoor daarentegen daarmee daarna daarnaast daarom daarop daarover daartoe daarvan daarvoor dankzij
dat dezelfde dergelijke diens dik dit doet doe dikwijls eer eerder eerst eigen elk elke enig enige enkel enkele er erg ermee
erop ervan ervoor even evenals gaat gaan ging gingen gedaan gehad gekund geleden gemaakt gewoon graag haar hare heel hen het hierbij
hierdoor hiermee hiervan hiervoor hij hoe hoewel hun iedere iedereen ieder iets ik in inmiddels is jaar jaren jij jou jouw jullie
kreeg krijg krijgen krijgt kun kunt laat laatste lang later liever maakt maken minder misschien mocht mogen moest moesten mogelijk
mijn na naar naast net niet nieuw nieuwe nooit nou of ofwel om omdat onder ongeveer ons onze ooit op opnieuw over paar per pas
precies reeds rond rondom samen sinds sommige soms steeds tegen ten ter terwijl toe tot tussen uit uiteraard veel verder via vaak
vanaf vanuit volgens voor vooral voordat vrij waar waarbij waardoor waarin waarmee waarom waarop waarvan wanneer want waren was
wat we weer weg wel welk welke werd werden weten wie wij wil willen wilt word worden wordt zal zelfs zich zichzelf zij zijn zo
zoals zodat zodra zoveel zowel zullen zult zeker ze zei zeggen zegt gezegd eigenlijk echt heel hele erg best nogal vind vinden
vindt zou zouden moet moeten mag kan kunnen ga gaan komt komen kwam doen deed hoort horen staat staan stond houden houdt blijft
blijven bleef lijkt lijken zie zien ziet zag weet kijk kijken denk denken denkt dacht hoop hopen hoopt geef geven geeft gaf neem
nemen neemt nam zet zetten zit zitten lukt lukken goed goede beter beste slecht veel vele weinig meeste meer minder groot grote
klein kleine hoog hoge laag lage nodig mee daar hier dan toen nu straks vandaag morgen gisteren keer keren manier soort ding dingen
iets niks niets alles heleboel graag alsjeblieft alstublieft bijvoorbeeld bv bijv zoals etc enz enzovoort namelijk vooral juist
gewoon eens misschien wellicht waarschijnlijk natuurlijk uiteindelijk eindelijk helemaal volledig echter bovendien verder tevens
inderdaad eveneens ermee erin erop eruit ervan erbij erover ervoor erdoor ertoe hierin hierop hierover daarin daaruit nergens
overal ergens iemand niemand elkaar mekaar zelf zelfde wat welk welke zulke zulk zo'n zon dit deze die dat wie wiens waarvan
jij je jou jouw u uw wij we ons onze jullie zij ze hun hen hem haar zijn mijn mij me men ik hij het een de en of maar want dus
omdat als dan toch al ook nog wel niet geen wel nee ja ok oke prima top fijn leuk mooi jammer helaas gelukkig dank bedankt
mensen mens iets stuk stukje beetje echt heel zeer erg tamelijk behoorlijk redelijk flink enorm ontzettend super vooral
ipv i.p.v. m.b.t mbt t.a.v tav oa o.a. dwz d.w.z nl incl excl e.d. ed zgn daarvoor hiervoor vind vinden zouden moeten zou
moet kan kunnen wil willen mag mogen hebben heeft heb had hadden ben bent is zijn was waren wordt worden werd werden geworden
zijnde hebbende gaat gaan wordt blijkt blijken zorgen zorgt zorgde ervoor zeker zowat nou zeg hè he hoor toch even alvast
telkens iedere elke alle allemaal beide vele diverse verschillende meerdere sommige weinig genoeg te teveel te_veel veel_te
eerste tweede derde vierde een twee drie vier vijf zes zeven acht negen tien honderd duizend procent keer week weken maand
maanden dag dagen jaar jaren uur uren minuut minuten tijd moment momenten vaak soms nooit altijd meestal regelmatig
kunnen mogelijk mogelijkheid mogelijkheden punt punten vraag vragen graag belangrijk belangrijke belang goed prima heel`;

function build(...lists: string[]): Set<string> {
  const set = new Set<string>();
  for (const list of lists)
    for (const word of list.split(/\s+/)) if (word) set.add(word.normalize('NFD').replace(/\p{M}/gu, ''));
  return set;
}

/** Diacritics-folded lower-case stop words. */
export const DUTCH_STOP_WORDS: ReadonlySet<string> = build(SNOWBALL, FUNCTION_WORDS);

export function isStopWord(folded: string): boolean {
  return DUTCH_STOP_WORDS.has(folded);
}
