import { readFileSync } from 'node:fs';
import femaleDe from 'human-names/data/female-human-names-de.json';
import femaleEn from 'human-names/data/female-human-names-en.json';
import femaleEs from 'human-names/data/female-human-names-es.json';
import femaleFr from 'human-names/data/female-human-names-fr.json';
import femaleIt from 'human-names/data/female-human-names-it.json';
import femaleNl from 'human-names/data/female-human-names-nl.json';
import maleDe from 'human-names/data/male-human-names-de.json';
import maleEn from 'human-names/data/male-human-names-en.json';
import maleEs from 'human-names/data/male-human-names-es.json';
import maleFr from 'human-names/data/male-human-names-fr.json';
import maleIt from 'human-names/data/male-human-names-it.json';
import maleNl from 'human-names/data/male-human-names-nl.json';
import { CompactWordSet } from './lexicon/compact-word-set';
import { WORLD_GIVEN_NAMES } from './lexicon/world-given-names.generated';

/** Given names the published lists (Western Europe and the English-speaking world) lack. */
const MORE_GIVEN_NAMES = `
Aarav Aditya Ajay Amit Ananya Anjali Arjun Deepak Deepika Divya Gaurav Harish Ishaan Kavya Karthik Lakshmi Manish Meera
Neha Nikhil Nisha Pooja Priya Rahul Raj Rajesh Ravi Rohan Sanjay Shreya Sneha Sunita Suresh Swati Varun Venkat Vikram
Aishwarya Arun Anil Sunil Kiran Lakshman Ramesh Sandeep Sachin Vijay Vivek Anand Ashok Geeta Jyoti Rekha Sita Usha
Wei Jing Mei Xiao Lei Yan Hui Ming Jun Hao Xin Ling Fang Xiaoming Xiaoli Jianguo Yifan Zihan Haoran Yuxuan Zhiwei
Jiahui Meiling Xiuying Guilan Yun Qing Tao Chao Kai Bo Yu Jie Lan Ping Hong Li Na
Mohammed Muhammad Mohamed Ahmed Ahmad Ali Omar Fatima Aisha Yusuf Hassan Hussein Khalid Layla Mariam Maryam Noor Zainab
Ibrahim Abdullah Karim Rania Samir Tariq Yasmin Amira Bilal Hamza Salma Leila Nadia Rashid Walid Zaid Huda Jamal
Mustafa Farah Hana Youssef Yousef Imran Faisal Ayesha Sana Zara Abdul Rahim Rehan Nasser Salim
Chinedu Ngozi Oluwaseun Adebayo Chioma Emeka Folake Ifeoma Kelechi Obinna Tunde Yetunde Amara Ayodele Babajide
Chukwuemeka Funmilayo Nkechi Uchenna Kwame Kofi Ama Abena Akosua Thabo Sipho Zanele Lerato Wanjiru Kamau Achieng
Tendai Chipo Nomvula Bongani Oluwadamilare Temitope Adaeze Chiamaka Olumide Segun Bukola Nneka
Ivan Dmitri Dmitry Sergei Sergey Olga Natasha Natalia Svetlana Vladimir Alexei Aleksandr Yulia Tatiana Igor Mikhail
Anastasia Ekaterina Katarzyna Piotr Tomasz Agnieszka Magdalena Krzysztof Marek Jakub Ondřej Petra Dragan Jelena
Nikola Bogdan Oksana Andriy Taras Yaroslav Irina Pavel Boris Andrei Andrej Milos Zoran Goran Vesna Mateusz Lukasz
Hiroshi Yuki Haruto Sakura Takeshi Kenji Aiko Yuto Hinata Sota Riku Yui Akira Daiki Kaito Haruka Naoko Satoshi
Minjun Seoyeon Jiwoo Jae Hyun Soojin Jihoon Jisoo Eunji Sungmin Minho Taeyang Youngjae
Linh Minh Thanh Huong Duc Anh Trang Tuan Quang Phuong Hoa Lan Bao Khanh
Jose José Juan Maria María Carlos Luis Sofia Sofía Valentina Santiago Mateo Camila Diego Alejandro Guadalupe Jesus Jesús
Francisco Ximena Itzel Javier Miguel Rafael Fernando Ricardo Eduardo Jorge Pedro Pablo Andrés Lucía Paula Carmen
Isabella Gabriela Mariana Daniela Fernanda Renata Rodrigo Joao João Thiago Lucas Gustavo Bruno Felipe Leticia Beatriz
Siobhan Niamh Aoife Saoirse Ciara Sean Seamus Padraig Oisin Eoin Cormac Declan Ruairi
Aroha Tane Mele Sione Kalani Keanu Leilani
Aditi Akshay Alok Amrita Anupam Aparna Arvind Bhavna Chetan Darshan Devika Gita Gurpreet Harpreet Manpreet Jaspreet
Simran Navjot Harjit Kuldeep Balwinder Hardeep Indira Ishita Jaya Kamala Kunal Madhav Mahesh Naveen Nitin Omkar
Parth Prakash Pranav Preeti Rakesh Ritu Sahil Sameer Sangeeta Shanti Shiv Shweta Siddharth Tanvi Uday Vandana Yash
Ifeanyi Chidi Chiamaka Ebuka Nnamdi Obiageli Olamide Oluwatobi Tobi Tosin Yemi Dayo Femi Kunle Bisi Sade Zainab Musa
Abubakar Aminu Hauwa Halima Usman Ibrahim Sani Kelechi Chukwudi Ejike Ngozi Amaka Uche Adaora
Meilin Meihua Xiaoyu Yuting Zhihao Jiayi Xinyi Yuhan Zixuan Haoyu Junjie Shuang Yue Xue Lili Fei Jian Qiang Gang Hua
Seoyeon Seo-yeon Ji-woo Jiwoo Min-jun Ha-eun Do-yun Ye-jin Jin Jiho Minji Sora Hyejin Yuna Dong-hyun Sang-woo
Thi Mai Hoang Long Nam Hieu Tien Vy Ngoc Dung Hanh Quynh Thu Huy Khoa
Emre Mehmet Mustafa Ayse Fatma Zeynep Elif Burak Cem Deniz Ozan Kaan Selin Yusuf Murat Hakan Serkan Ebru
Reza Ali Dariush Farhad Parisa Shirin Navid Arash Nasrin Mina Sara Leyla Kian Babak
Zofia Agata Bartosz Kacper Wojciech Michał Paweł Joanna Aleksandra Weronika Dorota Grażyna Bożena Łukasz
Sigrid Astrid Ingrid Freya Linnea Saga Elin Maja Nils Lars Erik Magnus Sven Bjorn Björn Henrik Anders Jonas Mikael
Dimitris Giorgos Yiannis Eleni Katerina Maria Sofia Nikos Kostas Vasilis Despina
Jose Mari Rizal Jomar Angelica Kristine Mylene Rhea Arnel Dodong Ayu Putri Dewi Budi Agus Wayan Made Ketut Siti Nur
Adaeze Ikenna Oluchi Chinonso Ebere Nkem Chika Ugochi Obi
`.trim().split(/\s+/);

/** Family names written before the given name (Chinese, Vietnamese, Korean order). */
export const FAMILY_NAME_FIRST = new Set(
  `zhang wang li liu chen yang huang zhao zhou wu xu sun ma zhu hu guo he lin gao luo zheng liang xie song tang han feng
deng cao peng zeng xiao tian dong pan yuan cai jiang du ye cheng su lu ding ren shen yao zhong qian tan jia wei
nguyen tran le pham hoang phan vu vo dang bui do ho ngo duong ly kim park choi jung kang cho yoon jang lim han oh lee
sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi matsumoto
inoue kimura hayashi shimizu mori abe ikeda hashimoto ishikawa ogawa`
    .split(/\s+/),
);

/** Surnames frequent enough that, written after a given name, they settle that it is a person. */
export const COMMON_SURNAMES = new Set(
  `Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas
Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King
Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Müller Mueller
Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Dubois Bernard Durand Moreau Laurent Rossi Russo
Ferrari Esposito Bianchi Romano Kumar Sharma Singh Patel Gupta Reddy Iyer Nair Rao Das Khan Ahmed Hussain Okafor Okonkwo
Adeyemi Eze Mensah Ivanov Petrov Smirnov Kowalski Nowak Wiśniewski Tanaka Suzuki Sato Takahashi Watanabe Kim Park Choi
Jung Wang Zhang Chen Liu Yang Huang Zhao Zhou Wu Xu Sun Silva Santos Oliveira Souza Pereira Costa Fernandes O'Brien
Murphy Kelly Walsh Byrne Ryan Doyle McCarthy Novak Horvat Jansen Visser Bakker Andersson Johansson Nielsen Hansen`
    .split(/\s+/)
    .map((name) => name.toLowerCase()),
);

/**
 * Lowercase English words: a lowercase word after "courier" is a name only if it is none of these.
 * Read rather than required, so that the 275,000-string array is garbage once the compact set is
 * built instead of staying in the module cache, on every garbage collection of the service.
 */
export const ENGLISH_WORDS = new CompactWordSet(JSON.parse(readFileSync(require.resolve('an-array-of-english-words/index.json'), 'utf8')) as string[]);

export const GIVEN_NAMES: ReadonlySet<string> = new Set(
  [femaleDe, femaleEn, femaleEs, femaleFr, femaleIt, femaleNl, maleDe, maleEn, maleEs, maleFr, maleIt, maleNl, MORE_GIVEN_NAMES]
    .flat()
    .map((name) => name.toLowerCase())
    // Given names of every locale of the faker data set, generated into the lexicon (npm run pii:names).
    .concat(WORLD_GIVEN_NAMES.split(' ')),
);

/**
 * Given names that are also everyday words, months, places or brands: alone, capitalised at the
 * start of a sentence or as a product, they are not evidence of a person.
 */
export const AMBIGUOUS_NAMES = new Set(
  `will mark bill rose hope faith joy grace may june april august sky summer autumn winter king royal rich frank guy max
ray sunny dawn eve art chase page miles lane hunter star gem ruby crystal amber jade ivy iris lily daisy holly penny
sandy rusty dusty cash price golden major sage river storm rain angel destiny harmony melody honey candy ginger pepper
cookie trinity genesis london paris sydney dallas austin phoenix orlando jordan brooklyn chelsea madison virginia
georgia carolina florence victoria adelaide india china asia africa america santa link mario zelda luigi peach sonic
alexa siri cortana echo apple amazon nike adidas tesla mercedes porsche ferrari lincoln ford dell mac jack jean
don ben pat sue kim lee van son dan cole wade drew reed read noel carol joe ash ace bay blue gray grey green
christian christmas easter sunday monday tuesday friday saturday happy hazel olive violet poppy rocky skip tag
nick rob jim al ed art bud buck butch chip chuck dash dot duke earl ernest gene hank herb jay kit
les lou lyle marshall mason miles moe ned norm otto pierce rex roman sterling tony ty vince von jan feb mar apr jun jul aug sep sept oct
nov dec denver charlotte houston dakota cheyenne savannah aurora kirby elsa barbie ken jett steve lara mario wolf
zara hugo louis gucci prada chanel dior bella nova luna alexandria lake garmin lauren calvin klein muscle monica jose
diego francisco clara barbara helena augustine antonio petersburg elizabeth albany`
    .split(/\s+/),
);

/** Brands, characters and places written like personal names: never a person. */
export const NOT_PERSON_PHRASES = new Set(
  `louis vuitton|hugo boss|calvin klein|tommy hilfiger|ralph lauren|kate spade|michael kors|marc jacobs|tory burch|vera wang
|steve madden|jimmy choo|ted baker|ben & jerry|ben and jerry|lara croft|arthur morgan|john wick|master chief|mario kart
|donkey kong|sonic the hedgehog|harry potter|hermione granger|peter parker|tony stark|bruce wayne|clark kent|santa claus
|anna salai|madison square|madison ave|madison avenue|victoria station|st james|charles de gaulle|john lewis|marks spencer
|dr pepper|uncle ben|aunt jemima|betty crocker|papa john|jack daniel|johnnie walker|tim hortons|taco bell|wendy|ronald mcdonald
|jackson heights|santa monica|san jose|san diego|san francisco|santa clara|santa barbara|st louis|häagen-dazs|haagen-dazs
|mr muscle|mr clean|mr bean|garmin forerunner|calvin klin|ralph lauren|dr martens|doc martens|dr oetker
|sherlock holmes|jill valentine|leon kennedy|geralt|lara croft|mario|luigi|kratos|master chief|john marston
|princess peach|princess zelda|ted lasso|harry potter|peter pan|mini cooper|kia picanto|nissan leaf`
    .split('|')
    .map((phrase) => phrase.trim()),
);
