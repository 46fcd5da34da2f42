// What people write around names, and the words that look like names but are not: the cues and
// vocabularies the person detector weighs.
const TITLE = '(?:mr|mrs|ms|miss|mx|dr|prof|sir|madam|mme|mlle|monsieur|madame|mademoiselle|herr|frau|sr|sra|señor|señora|signor|signora|sig|senhor|senhora|doña)\\.?';

/** Car makes: never names themselves, and what follows one is a model ("Nissan Leaf"). */
const CAR_MAKES = 'kia nissan mini fiat vw volkswagen ford toyota honda bmw audi mercedes tesla hyundai renault peugeot volvo skoda opel mazda subaru chevrolet jeep lexus';
/** A support team signing off: no name, and what follows it is none either. */
const SUPPORT_TEAM_WORDS = "team équipe l'équipe equipe soporte suporte klantenservice kundenservice";

/** Capitalised words that are not part of a name, wherever they stand. */
export const NOT_NAME = new Set(
  `i i'm im i've i'd i'll the a an and or but from at on in to for with support team app customer service help desk agent
thanks thank hi hello hey please sorry yes no ok okay here just my your our their his her we you they he she it is was
are can could would should did do does has have had not also again today tomorrow yesterday monday tuesday wednesday
thursday friday saturday sunday january february march april june july august september october november december
order account premium gold pro plus android ios iphone ipad mac windows store shop game level mr mrs ms miss mx dr prof
sir madam mme mlle monsieur madame mademoiselle herr frau sr sra señor señora signor signora senhor senhora doña dear regards best cheers sent name address phone email bank iban card
tel mobile street road avenue apt flat unit suite dob ssn id uk us eu usa where why when what how which who whose
there then this that these those still after before since because if so also just any some every all none got get
was were been being did does doing done is isn't it's don't can't cannot won't didn't we're i've i'd you're they're
hola bonjour hallo ciao olá buenos gracias merci danke grazie obrigado update payment refund delivery parcel package
transfer invoice receipt bill price plan subscription password login code link email message chat ticket issue problem
error bug crash version build device phone laptop tablet please pls plz thx lol omg ok okay good great nice new old
nome nombre nom naam neue neuer neues ihr ihre mein meine unser unsere bitte danke für das der die den dem ein eine
het een mijn uw onze les un une mon ma mes votre notre los las mi tu su nuestro os um uma meu minha gli
obrigada lat lng long latitude longitude gps cumprimentos warmly salam el il lo der die das het soyad posizione karta kak bey hanım
${SUPPORT_TEAM_WORDS} l’équipe cordialement groetjes groeten saludos abraços abrazos atentamente atenciosamente grüße gruß gruss mfg saluti pozdrawiam
pozdrowienia selamlar saygılarımla hälsningar mvh hilsen kundennummer bestellnummer telefon handy adresse anschrift
geburtsdatum klantnummer telefoon adres princess ${CAR_MAKES}`.split(/\s+/),
);

/** Everyday lowercase words: a lowercase word after a name is a surname only if it is not one of these. */
export const STOPWORDS = new Set(
  `a about above after again all am an and any are as at be because been before being below between both but by can
cant could did do does doing down during each few for from further had has have having he her here hers him his how i
if in into is it its just me more most my no nor not now of off on once only or other our out over own same she should
so some such than that the their them then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your lol pls plz thx ty asap btw omg ok okay thanks please
here again today still also yet back got get need want said says told asked paid sent will ill im dont didnt cant wont
wants needs keeps kept left took came went gave never has hasnt isnt wasnt didn't hasn't isn't wasn't called calls sold
ugh haha hehe hmm xx xoxo tia fyi idk imo tbh
ist est es è är er ni nie nicht pas não no non
depuis pour avec dans sur sous chez mais donc puis aussi très desde para por con sin pero muy ya mira seit mit bei nach aus
aber auch sehr schon perché anche ancora già ainda também muito sem sudah belum dan atau dengan untuk dari ile için ama çok
sells bought ordered charged was were been being says has have had will would could should can cannot about after`.split(/\s+/),
);

/** "mi hermana Rocío", "ma sœur Inès", "meine Schwester Jana", "minha irmã Thaís". */
const FAMILY_WORDS_ABROAD =
  'hermana|hermano|esposa|esposo|marido|mujer|hijo|hija|madre|padre|mamá|papá|amigo|amiga|vecino|vecina|sœur|frère|femme|mari|fils|fille|ami|amie|mère|père|voisin|voisine|schwester|bruder|frau|mann|sohn|tochter|mutter|vater|freund|freundin|sorella|fratello|moglie|figlio|figlia|amica|irmã|irmão|filho|filha|mãe|pai|amiga|vizinho|vizinha';

/** "Name:" in the forms of other languages. */
const NAME_LABELS = 'imię i nazwisko:|nazwisko:|nama lengkap:|nama:|ad soyad:|isim:|nom complet\\s?:|nome e cognome:|nombre y apellidos:|volledige naam:';
/** "My name is" in other languages. */
const MY_NAME_IS = "me llamo|mi chiamo|je m'appelle|ich heiße|meu nome é|nazywam się|benim adım|adım|nama saya|mijn naam is|ik ben";
/** Titles people type in lowercase before a surname: "mr zhao", "mevrouw brouwer". */
const TITLES_BEFORE_SURNAME = 'mr|mrs|ms|mx|dr|mevrouw|meneer|herr|frau|señor|señora|sr|sra|pani|pan|bapak|ibu|monsieur|madame';

export const STRONG_CUE = new RegExp(
  `(?:\\b(?:my name is|my name's|name is|name was|name:|names|${NAME_LABELS}|recipient:|contact:|name ist|ich heiße|heiße|mi nombre es|il mio nome è|mijn naam is|nazywam się|benim adım|adım|(?:full|legal|account|user) name|au nom de|intestato a|lautet auf|auf den namen|a nombre de|em nome de|claimant:|kontoinhaber:|inhaber:|cordialement|abraços|abrazos|saludos|un saludo|atentamente|atenciosamente|grüße|gruß|saluti|cordiali saluti|groetjes|groeten|met vriendelijke groet|called|call me|this is|it's|its|it is|signed|sincerely|regards|kind regards|best regards|best wishes|cheers|cheres|thanks|thx|thank you|many thanks|br|ask for|asking for|speak(?:ing)? (?:to|with)|spoke (?:to|with)|talk(?:ed)? (?:to|with)|chatted with|dear|attn|attention|c/o|account holder|card ?holder|holder is|name on (?:the )?card|account name|titular|(?:full name|nome completo|nombre completo|nom complet|nome|nombre|nom|naam|navn|imię|vorname|nachname)\\s?:|t\\.n\\.v\\.|payee|beneficiary|under|i am|i'm|im|sono|soy|je suis|ich bin|ik ben|me llamo|mi chiamo|je m'appelle|meu nome é|my (?!(?:plan|package|tier|subscription|account|order|device|phone|model|password|username|user name|email|address|card|bank|number|id|code|version|ip|browser|os|region|country|city|zip|postcode|problem|issue|question|game|app|team|favou?rite)\\b)\\w+(?: \\w+)? is|my (?:son|daughter|wife|husband|partner|friend|brother|sister|mom|mum|mother|dad|father|boss|kid|child|colleague|roommate|girlfriend|boyfriend|uncle|aunt|cousin|grandma|grandpa|grandmother|grandfather|nephew|niece|neighbou?r)(?:,? | is | named |'s name is )|(?:mi|mis|mio|mia|mon|ma|mein|meine|meu|minha) (?:${FAMILY_WORDS_ABROAD}) ))[\\s,:]*$|\\b${TITLE}[ \\t]*$`,
  'i',
);

/** The last word of every cue phrase: the cue regexes only run after one of these (a Set lookup). */
export const CUE_LAST_WORDS = new Set(
  `is name names name's called me this it's its it signed sincerely regards wishes cheers cheres thanks thx you br for
to with dear attn attention c/o holder cardholder under am i'm im named mr mrs ms miss mx dr prof sir madam mme mlle herr
frau sr sra señor señora hi hello hey hiya morning afternoon evening driver rider courier technician tech agent rep
colleague manager supervisor landlord tenant roommate neighbor neighbour cashier waiter doctor nurse teacher coach officer
employee customer client user player cc contact tell ask and by from son daughter wife husband partner friend brother
sister mom mum mother dad father boss kid child girlfriend boyfriend uncle aunt cousin grandma grandpa grandmother
grandfather nephew niece buyer seller host owner guide organiser organizer payee card t.n.v sono soy suis bin ben llamo
chiamo appelle é was ist heiße es è się adım nazwisko lengkap nama soyad isim cognome apellidos naam recipient claimant beneficiary kontoinhaber inhaber completo complet monsieur madame mademoiselle signor signora
sig senhor senhora doña cordialement abraços abrazos saludos saludo atentamente atenciosamente grüße gruß saluti
groetjes groeten groet olá ola oi hola bonjour salut ciao hej hoi merhaba salam buongiorno buenos días dia tarde tag moin
host boy guy girl titular de a auf nome nombre nom naam navn imię vorname nachname ${FAMILY_WORDS_ABROAD.replaceAll('|', ' ')}`.split(
    /\s+/,
  ),
);

/**
 * Cues after which even a lowercase word nobody lists is a name ("by courier tanvir", "my name is
 * xochitl"), if it is no English word. Checked only after one of their last words.
 */
export const LOWERCASE_NAME_CUE = new RegExp(
  `\\b(?:my name is|my name's|name is|call me|name:|name|${NAME_LABELS}|${MY_NAME_IS}|${TITLES_BEFORE_SURNAME}|(?:ibu|ayah|adik|kakak|istri|suami|anak|teman) saya,?|recipient:|contact:|beneficiary:|claimant:|au nom de|intestato a|lautet auf|a nombre de|em nome de|titular|card ?holder|account holder|account name|driver|rider|courier|delivery boy|delivery guy|technician|landlord|neighbou?r|my (?:son|daughter|wife|husband|partner|friend|brother|sister|mom|mum|mother|dad|father|cousin|uncle|aunt)|(?:mi|mio|mia|mon|ma|mein|meine|meu|minha) (?:${FAMILY_WORDS_ABROAD}))[\\s,:]+$`,
  'i',
);
export const LOWERCASE_NAME_CUE_LAST_WORDS = new Set(
  `is me name: nazwisko lengkap nama soyad isim cognome apellidos naam llamo chiamo appelle heiße é się adım saya
ik mr mrs ms mx dr mevrouw meneer herr frau señor señora sr sra pani pan bapak ibu monsieur madame recipient contact beneficiary claimant de a auf titular holder name driver rider courier boy guy technician landlord neighbour neighbor son daughter wife husband
partner friend brother sister mom mum mother dad father cousin uncle aunt ${FAMILY_WORDS_ABROAD.replaceAll('|', ' ')}`.split(/\s+/),
);

export const GREETING_CUE =
  /(?:^|[.!?\n]\s*)(?:>\s*)*(?:hi|hello|hey|hiya|dear|good (?:morning|afternoon|evening)|morning|evening|olá|ola|oi|hola|bonjour|salut|hallo|ciao|hej|hoi|merhaba|salam|buongiorno|buenos días|bom dia|boa tarde|guten tag|moin)[\s,]+$/i;
export const ROLE_CUE =
  /\b(?:driver|rider|courier|boy|guy|girl|technician|tech|agent|rep|colleague|manager|supervisor|landlord|tenant|roommate|neighbou?r|cashier|waiter|doctor|nurse|teacher|coach|officer|employee|customer|client|user|player|buyer|seller|host|owner|guide|organi[sz]er|payee|cc|contact|tell|ask|and|with|by|from|for|to),?\s+$/i;

/** Role cues that are prepositions or verbs ("to", "for", "tell"): "geolocate to Sevilla." is a place. */
export const WEAK_ROLE_CUE = /\b(?:cc|contact|tell|ask|and|with|by|from|for|to),?\s+$/i;

/** A sign-off's name ends the message, after a line break, a dash, a tilde or a comma ("… — Priyanka")… */
export const SIGN_OFF_END = /^(?:[\s.!?)\]~*_'"`\u2190-\u2BFF]|\uFE0F)*$/;

/** …or names a team after it, wherever a sentence ended ("Trang | Tier 2 Support", "Seán, Trust & Safety"). */
export const SIGN_OFF_TEAM =
  /^\s*(?:[|,]|from\b)\s*[^\n]{0,40}\b(?:Support|Team|Care|Service|Services|Safety|Billing|Desk|Help|Suporte|Soporte|Kundenservice|Équipe|Servizio|Klantenservice)\b[^\n]{0,20}$/;

/** Words after which a name-like word names a car model, a bot or a pet ("Nissan Leaf", "chatbot Leo"). */
export const NAMED_THING_BEFORE = new Set(
  `${CAR_MAKES} chatbot bot assistant robot dog cat puppy kitten pet parrot horse chat gato perro hund
katze cane gatto kot pies kedi köpek kucing anjing hond kat asistente assistente assistent ${SUPPORT_TEAM_WORDS}
support servicio atendimento ekip zespół`.split(/\s+/),
);

/** "I'm Milo, the virtual assistant": a bot introducing itself is no person. */
export const BOT_AFTER = /^[\s,(]+(?:the |your |an? )?(?:virtual |digital |ai |chat |automated |smart |triage )?(?:assistant|bot|chatbot)\b/i;

/** A middle initial and a surname after a given name: " S. Greenwood". */
export const MIDDLE_INITIAL = /^ [A-Z]\. [A-Z][a-zà-ÿ'’-]+/;
export const DETERMINER = /\b(?:the|a|an|our|your|this|that|these|those)\s+$/i;
export const PRODUCT_NOUN =
  /^\s+(?:skin|skins|outfit|event|store|stroe|shop|order|bag|server|servers|warehouse|update|character|collab|pack|bundle|edition|mode|map|season|pass|costume|avatar|hub|airport|office|branch|station|street|st|road|rd|ave|avenue|lane|drive|boulevard|square|mall|hotel|restaurant|cafe|app|game|brand|shoes|jacket|dress|perfume|collection|sale|coupon|voucher|plan|subscription|account|card|model|series|premium|support|wallet|security|cloud|tv|ai|bot|cup|mug|bottle|tumbler|watch|bike|cir|circle|ct|court|pl|place|way|blvd|ln|dr|drive|pde|tce|close|crescent|grove|terrace|dental|clinic|outdoor|outdoors|studio|studios|salon|bakery|pharmacy|motors|electronics|sports|fitness|gym|labs|bank|insurance|apparel|kitchen|pizza|grill|bistro|books|design|media|group|inc|ltd|llc|gmbh|company|services|solutions|consulting|travel|tours|records|music|foods|market|garage|auto|optics|legal|realty|homes|properties|architects|logistics|express|couriers|academy|school|university|hospital|club)\b/i;
export const TRAILING_SIGNATURE = /^(?:[\s.!?,:;)\]~*_\-–—'"`\u2190-\u2BFF]|\uFE0F)*$/;

/** Particles inside a name, lowercase or capitalised: Femke van Dijk, Khalid Al Mansouri, Aoife Mac Giolla. */
export const NAME_PARTICLES = new Set(['van', 'der', 'den', 'de', 'del', 'della', 'von', 'da', 'di', 'dos', 'das', 'du', 'le', 'la', 'el', 'al', 'bin', 'ibn', 'abu', 'ter', 'ten', 'mac', 'mc', 'ap', 'ní', 'nic', 'ó']);

/** A capitalised word right before that makes the next one part of a place: Santa Monica, Port Louis. */
const PLACE_WORDS = 'Santa|San|Saint|St|Ste|Port|Fort|Mount|Mt|Lake|New|North|South|East|West|Cape|Bay|Glen|Palm|São|Sao|Belo|Rio|Porto|Puerto|Nova|Novo|Ciudad|Villa|Monte|Santo|Costa|Los|Las|Buenos|Bad|Palo|Baton';
export const PLACE_PREFIX = new RegExp(`\\b(?:${PLACE_WORDS})\\.?\\s+$`);

/** …or the first word of a place: São Paulo, Belo Horizonte, Puerto Vallarta. */
export const PLACE_START = new RegExp(`^(?:${PLACE_WORDS})$`);
export const LOCATIVE = /\b(?:in|at|near|around|outside|inside)\s+$/i;
