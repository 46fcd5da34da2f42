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
`.trim().split(/\s+/);

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

export const GIVEN_NAMES: ReadonlySet<string> = new Set(
  [femaleDe, femaleEn, femaleEs, femaleFr, femaleIt, femaleNl, maleDe, maleEn, maleEs, maleFr, maleIt, maleNl, MORE_GIVEN_NAMES]
    .flat()
    .map((name) => name.toLowerCase()),
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
les lou lyle marshall mason miles moe ned norm otto pierce rex roman sterling tom tony ty vince von`
    .split(/\s+/),
);
