import { detectPii } from './detect';

const people = (text: string): string[] => detectPii(text).filter((f) => f.type === 'PERSON').map((f) => text.slice(f.start, f.end));

describe('names of people from many places, with the cues people write around them', () => {
  it.each<[string, string[]]>([
    ['my name is Kwabena Owusu and my order is late', ['Kwabena Owusu']],
    ['Meu nome é Wellington Araújo, fui cobrado duas vezes', ['Wellington Araújo']],
    ['Nombre completo: Itziar Goikoetxea', ['Itziar Goikoetxea']],
    ['the account holder is Salma Al Hashimi', ['Salma Al Hashimi']],
    ['Bonjour Madame Lefebvre, votre colis est arrivé', ['Lefebvre']],
    ['Olá Rosângela, o reembolso foi enviado', ['Rosângela']],
    ['> Hi Haruto, which number should we call?', ['Haruto']],
    ['the parcel was taken by courier dinesh yesterday', ['dinesh']],
    ['mi hermana Xiomara dice que no llegó', ['Xiomara']],
    ['emergency contact: oleksandr kovalenko, +380 44 555 0101', ['oleksandr kovalenko']],
    ['On 4 March, ravindra pillai <rp@example.in> wrote:\n> it still fails', ['ravindra pillai']],
    ['Thanks for waiting! — Tendai', ['Tendai']],
    ['Le 3 mai, Anaïs Lefort <anais@example.fr> a écrit :\n> merci', ['Anaïs Lefort']],
    ['is my refill ready? name oyelaran adebisi phone 0803 555 0101', ['oyelaran adebisi']],
    ['Mein Name ist Wolfgang Brandt, bitte zurückrufen', ['Wolfgang Brandt']],
    ['Your refund is on its way. Ngozi | Tier 2 Support', ['Ngozi']],
    ['we are parked by the lake, the spare is missing. yusuf', ['yusuf']],
    ['Hello Phạm Văn Đức, your order shipped', ['Phạm Văn Đức']],
    ['Imię i nazwisko: michał nowak', ['michał nowak']],
    ["hi it's dmytro kovalenko here, the box is empty", ['dmytro kovalenko']],
    ['i spoke to mr zhao yesterday', ['zhao']],
  ])('%s', (text, expected) => {
    expect(people(text)).toEqual(expected);
  });

  it.each([
    'sorry, this is going to be long.',
    'the driver onboarding froze at 90%',
    'you can change it under Settings > Family',
    'my plan is Unlimited Plus but it is slow',
    'the courier left a card with H4966YKI8672931 on it',
    'delivery to São Paulo takes a week',
    'Street: 12 Elm Dr\nTown: Springfield',
    'I bought a Stanley cup and a Jack Daniel’s jacket',
    'the Nissan Leaf and the Mini Cooper both have a warning light',
    'your chatbot Leo told me to call',
    'Merci pour votre aide.\nCordialement',
    'Thanks for your patience!\nThe PixelVault team',
    'Cordialement,\nL’équipe Forkful',
    'Cordialement,\nDrivewell',
  ])('is not fooled by %s', (text) => {
    expect(people(text)).toEqual([]);
  });
});
