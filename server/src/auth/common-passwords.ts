/**
 * Passwords of 10+ characters that lead the published lists of leaked passwords, and the keyboard
 * and number runs people build them from, in lower case. A password equal to one of them, whatever
 * its case, is refused: guessing them first is the first thing an attacker does.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '1234567890', '0123456789', '0987654321', '9876543210', '1111111111', '0000000000', '2222222222',
  '3333333333', '5555555555', '6666666666', '7777777777', '8888888888', '9999999999', '1212121212',
  '1231231231', '1234512345', '1122334455', '1357924680', '12345678910', '123456789a', 'a123456789',
  '123456789q', 'q123456789', '1234567890a', 'a1234567890', '12345678900', '123123123123', '123456123456',
  '1234554321', '5201314520', '1314520520', '5201314521', '520520520520', '1314521521', 'woaini1314',
  'woaini520520', 'woaini1314520', 'iloveyou1314', 'aa12345678', 'aa123456789', 'abc1234567', 'abc123456789',
  'abcd123456', 'abcd1234567', 'abcde12345', 'abcdef1234', 'abcdefg123', 'abcdefghij', 'abcdefghijk',
  'qq123456789', 'qq1234567890', 'zxcvbnm123', 'zxcvbnm1234', 'zxcvbnmasd', 'asdfghjkl1', 'asdfghjkl123',
  'qwertyuiop', 'qwertyuiop1', 'qwertyuiop123', 'qwerty1234', 'qwerty12345', 'qwerty123456', 'qwert12345',
  'qazwsxedc1', 'qazwsxedc123', '1qaz2wsx3edc', '1q2w3e4r5t', '1q2w3e4r5t6y', 'q1w2e3r4t5', 'q1w2e3r4t5y6',
  'a1b2c3d4e5', '1a2b3c4d5e', 'zaq12wsxcde3', '1qazxsw23edc', 'password12', 'password123', 'password1234',
  'password12345', 'password123456', 'password01', 'password99', 'password2023', 'password2024', 'password2025',
  'password2026', 'password!1', 'passw0rd12', 'passw0rd123', 'p@ssw0rd12', 'p@ssw0rd123', 'p@ssword123',
  'mypassword', 'mypassword1', 'mypassword123', 'newpassword', 'newpassword1', 'changeme123', 'changeme1234',
  'letmein123', 'letmein1234', 'welcome123', 'welcome1234', 'welcome2023', 'welcome2024', 'iloveyou12',
  'iloveyou123', 'iloveyou1234', 'sunshine123', 'princess123', 'football123', 'baseball123', 'superman123',
  'batman1234', 'monkey12345', 'dragon12345', 'master12345', 'shadow12345', 'michael123', 'jennifer123',
  'trustno1234', 'starwars123', 'computer123', 'internet123', 'admin12345', 'admin123456', 'administrator',
  'administrator1', 'admin@1234', 'admin@12345', 'root123456', 'rootroot123', 'test123456', 'test1234567',
  'testtest123', 'guest12345', 'user123456', 'demo123456', 'default123', 'secret1234', 'system1234',
  'huawei1234', 'huawei12345', 'huawei@123', 'zhang123456', 'wang123456', 'li1234567890', 'liu123456789',
  'chen123456', 'zhangwei123', 'wangwei123', 'hangzhou123', 'zhejiang123', 'zhejiang2023', 'china12345',
  'china123456', 'beijing123', 'shanghai123', 'aaaaaaaaaa', 'abcabcabc1', 'qweasdzxc1', 'qweasdzxc123',
  'qwe123qwe123', 'asd123asd123', 'zxc123zxc123', '147258369a', '1472583690', '1597534560', '7894561230',
  '3692581470', '159357159357', '147852369a', '1q2w3e4r5t6y7u', 'qwer123456', 'asdf123456', 'zxcv123456',
]);
