/**
 * Places that are not countries: cities, ports, regions and free zones that reporting on
 * sanctions, smuggling and conflict names often. A short list of our own; places it misses are
 * found by cues ("the town of X", "in X", "X-based", "X province", see proper-nouns.ts).
 */

const PLACES = `
New York, Manhattan, Brooklyn, Queens, Miami, Houston, Los Angeles, Chicago, San Francisco, Boston, Philadelphia,
Dallas, Atlanta, New Jersey, Florida, Texas, California, Virginia, Maryland,
Dubai, Sharjah, Ajman, Fujairah, Ras al-Khaimah, Jebel Ali, Istanbul, Izmir, Mersin, Gaziantep, Antwerp,
Rotterdam, Hamburg, Geneva, Zurich, Milan, Barcelona, Marseille, Frankfurt, Munich, Limassol, Larnaca,
Hong Kong, Macau, Shanghai, Shenzhen, Guangzhou, Dalian, Qingdao, Ningbo, Tianjin, Xiamen,
Saint Petersburg, St. Petersburg, Novorossiysk, Vladivostok, Kazan, Yelabuga, Crimea, Sevastopol, Donetsk,
Luhansk, Kharkiv, Odesa, Odessa, Mariupol, Zaporizhzhia, Kherson, Dnipro, Lviv, Belgorod, Kursk, Rostov,
Tatarstan, Chechnya, Siberia, Dagestan,
Isfahan, Mashhad, Tabriz, Shiraz, Bandar Abbas, Kashan, Semnan, Qom, Bushehr, Kharg Island, Chabahar, Natanz,
Fordow, Ahvaz, Karaj, Kish Island, Qeshm,
Basra, Erbil, Mosul, Fallujah, Karbala, Najaf, Kirkuk, Sulaymaniyah,
Aleppo, Homs, Latakia, Tartus, Idlib, Deir ez-Zor, Raqqa, Golan Heights,
Tyre, Sidon, Baalbek, Bekaa Valley, Bekaa, Dahiyeh, Tripoli,
Gaza, Gaza Strip, West Bank, Rafah, Tel Aviv, Haifa, Eilat,
Hodeidah, Aden, Marib, Red Sea, Bab el-Mandeb, Strait of Hormuz, Persian Gulf, Gulf of Oman, Gulf of Aden,
Black Sea, Caspian Sea, Mediterranean, Suez Canal,
Jeddah, Dammam, Port Sudan, Benghazi, Misrata, Alexandria, Mombasa, Lagos, Casablanca, Tangier, Dakar,
Maracaibo, Valencia, Maracay, Barquisimeto, Ciudad Guayana, Puerto Ordaz, El Callao, Zulia, Tachira, Apure,
Bolivar, Amazonas, Orinoco, Orinoco Belt, Margarita Island, Puerto Cabello, La Guaira, Jose,
Medellin, Medellín, Cali, Cartagena, Barranquilla, Cucuta, Cúcuta, Buenaventura, Catatumbo,
Sinaloa, Jalisco, Michoacan, Michoacán, Tamaulipas, Culiacan, Culiacán, Tijuana, Ciudad Juarez, Ciudad Juárez,
Guadalajara, Monterrey, Cancun, Cancún, Manzanillo, Lazaro Cardenas, Lázaro Cárdenas, Veracruz,
Guayaquil, Callao, Santos, Sao Paulo, São Paulo, Rio de Janeiro, Ciudad del Este, Tri-Border Area,
Foz do Iguacu, Foz do Iguaçu, Colon, Colón, Colon Free Trade Zone, Mumbai, Karachi, Chittagong, Fujian,
Labuan, Penang, Johor, Batam, Singapore Strait, Malacca Strait, Strait of Malacca,
Gibraltar, Puerto Rico, Kosovo, Western Sahara, Greenland, Bermuda, Cayman Islands, British Virgin Islands,
Isle of Man, Jersey, Guernsey, Curacao, Curaçao, Aruba, Northern Cyprus, Transnistria, Abkhazia, South Ossetia,
Kandahar, Helmand, Herat, Quetta, Peshawar, Ciudad Guayana, Nangarhar,
Antalya, Corum, Çorum, Kayseri, Ankara Province, Mersin Province,
Africa, West Africa, East Africa, North Africa, Southern Africa, Central Africa, Sub-Saharan Africa, Sahel,
Horn of Africa, Europe, Western Europe, Eastern Europe, Central Europe, Asia, Central Asia, South Asia,
Southeast Asia, East Asia, Middle East, Near East, Levant, Gulf, Caucasus, Balkans, Scandinavia,
Americas, North America, South America, Latin America, Central America, Caribbean, Andes, Amazon,
Atlantic, Pacific, Indian Ocean, Arctic, Antarctica, Mediterranean Sea, Arabian Sea, Gulf of Mexico,
Southern Cone, Patagonia
`;

const SET = new Set(
  PLACES.split(/,|\n/)
    .map((s) => s.trim())
    .filter(Boolean),
);

export function isKnownPlace(name: string): boolean {
  return SET.has(name);
}
