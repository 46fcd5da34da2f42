import { detectPii } from './detect';

const addresses = (text: string): string[] => detectPii(text).filter((f) => f.type === 'STREET_ADDRESS').map((f) => text.slice(f.start, f.end));

describe('street addresses of many countries, with what belongs to them on the line', () => {
  it.each<[string, string]>([
    ['parcel went to No. 88 Jianguo Road, Chaoyang District, Beijing 100022 instead', 'No. 88 Jianguo Road, Chaoyang District, Beijing 100022'],
    ['deliver to house no. 12, mg road, indiranagar, bengaluru 560038 please', 'house no. 12, mg road, indiranagar, bengaluru 560038'],
    ['we are at 45, 12th Main, Jayanagar, Bengaluru 560041', '45, 12th Main, Jayanagar, Bengaluru 560041'],
    ['flat 12, lotus residency, 9 4th cross rd, whitefield', 'flat 12, lotus residency, 9 4th cross rd, whitefield'],
    ['my old address was 51 gangnam-daero, seocho-gu, seoul 06620.', '51 gangnam-daero, seocho-gu, seoul 06620'],
    ['ship it to Villa 14, Street 7, Jumeirah 3, Dubai thanks', 'Villa 14, Street 7, Jumeirah 3, Dubai'],
    ['Avenida de las Américas 1203, Depto 5, 44630 Guadalajara, Jal', 'Avenida de las Américas 1203, Depto 5, 44630 Guadalajara, Jal'],
    ['Calle Luna 8, 3º B, 28004 Madrid', 'Calle Luna 8, 3º B, 28004 Madrid'],
    ['it is 14 Ashgrove Lawns, Tallaght, Dublin 24, D24 K2W7.', '14 Ashgrove Lawns, Tallaght, Dublin 24, D24 K2W7'],
    ['send to 27 quarry row, leeds ls6 2hd?', '27 quarry row, leeds ls6 2hd'],
    ['Rua das Flores, 120, apto 31 - Curitiba/PR, 80010-020', 'Rua das Flores, 120, apto 31 - Curitiba/PR, 80010-020'],
    ['12 avenue Jean-Jaurès, 69007 Saint-Étienne-de-Lyon', '12 avenue Jean-Jaurès, 69007 Saint-Étienne-de-Lyon'],
    ['Address: 7 Kowhai Grove, Lower Hutt 5010\nPhone: none', '7 Kowhai Grove, Lower Hutt 5010'],
    ['the new one is Moda Mah. Bahariye Cd. No: 41, 34710 Kadıköy/İstanbul', 'Moda Mah. Bahariye Cd. No: 41, 34710 Kadıköy/İstanbul'],
    ['levering til Ole Vigs gate 12, 0366 Oslo takk', 'Ole Vigs gate 12, 0366 Oslo'],
    ['Stationsweg 14 3811 MH Amersfoort is het adres', 'Stationsweg 14 3811 MH Amersfoort'],
    ['Keizersgracht 120 2511 AB Den Haag', 'Keizersgracht 120 2511 AB Den Haag'],
    ['届け先は大阪府大阪市北区梅田3-1-1です', '大阪府大阪市北区梅田3-1-1'],
    ['Suite 210, 88 Queen St W, Toronto, ON M5H 2M5', 'Suite 210, 88 Queen St W, Toronto, ON M5H 2M5'],
    ['Wiedner Hauptstraße 12/3/7, 1040 Wien', 'Wiedner Hauptstraße 12/3/7, 1040 Wien'],
    ['Calle 45 #12-30, Medellín', 'Calle 45 #12-30, Medellín'],
    ['kirim ke jl. melati no. 12b, bandung 40115 ya', 'jl. melati no. 12b, bandung 40115'],
    ['adresim: bahariye cd. no: 41, 34710 kadıköy', 'bahariye cd. no: 41, 34710 kadıköy'],
    ['7 Grafton Street, Dublin 2, Ireland', '7 Grafton Street, Dublin 2'],
    ['Bât. C, 34 boulevard Voltaire, 13006 Marseille', 'Bât. C, 34 boulevard Voltaire, 13006 Marseille'],
  ])('%s', (text, expected) => {
    expect(addresses(text)).toEqual([expected]);
  });

  it('ends at the next clause of a lowercase message', () => {
    expect(addresses('livrez au 3 rue des lilas, 44000 nantes, le digicode est 12a')).toEqual(['3 rue des lilas, 44000 nantes']);
    expect(addresses('collected from 8 park st, kolkata 700016 by the rider')).toEqual(['8 park st, kolkata 700016']);
  });

  it('keeps a postcode inside the address instead of calling it a phone number', () => {
    expect(detectPii('Rua Augusta, 1500 - São Paulo/SP, 01304-001').map((f) => f.type)).toEqual(['STREET_ADDRESS']);
  });

  it.each([
    'A$19.95 is on its way back to your card',
    'I paid via email 2 times already',
    'meet me at gate 12, level 3 of the mall',
    'the flat at the corner has 2 bedrooms',
    'Email address: not.a.street@example.com',
    'I live on Baker Street, call me',
    'Order 12345, 10115 items shipped',
    'boarding at gate 12, 3 hours late',
  ])('is not fooled by %s', (text) => {
    expect(addresses(text)).toEqual([]);
  });
});
