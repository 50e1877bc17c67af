# Catálogo em português (Brasil) para hotline-kit.
#
# Tradução nossa, sem revisão por um tradutor qualificado nem por sobreviventes.
# Os dados da linha (números, endereços) vêm de hotline.toml: use { $phone }, { $sms },
# { $tty }, { $chat }, { $web } e { $hours }; nunca digite um número aqui.

## Linhas comuns

call-label = Ligue grátis, a qualquer hora
text-line = Ou envie um SMS para { $sms }
text-short = SMS para { $sms }
chat-line = Chat online: { $chat }
tty-line = TTY: { $tty }
text-line-limited = Ou SMS para { $sms } (inglês ou espanhol)
text-short-limited = SMS para { $sms } (inglês ou espanhol)
chat-line-limited = Chat online: { $chat } (inglês ou espanhol)
text-chat-languages = SMS e chat são respondidos só em inglês ou espanhol.
confidential = Grátis e confidencial. Você não precisa dar seu nome.
languages-line = Ligue em inglês, espanhol ou em mais de 200 outros idiomas.
safety-line = Você pode apagar a ligação ou a mensagem do seu celular antes de sair.
scan-to-call = Escaneie para ligar
scan-to-text = Escaneie para enviar SMS
scan-to-open = Escaneie para abrir o site
free-private = Gratuito, privado, { $hours }
text-label = Ou envie { $keyword } por SMS para
text-label-limited = Em inglês ou espanhol, envie { $keyword } por SMS para
local-help = Ajuda local:
who-answers = A linha não é a polícia nem a imigração. Ela ajuda todas as pessoas, com ou sem documentos. Você decide se a polícia vai ser avisada. Se uma criança puder sofrer algum mal ou alguém estiver em perigo, a linha avisa as autoridades.

## Perguntas de alerta

rf-leave-job = Você pode deixar seu emprego se quiser?
rf-come-go = Você pode sair e voltar quando quiser?
rf-id-taken = Outra pessoa fica com seu passaporte ou documento de identidade?
rf-debt = Você tem uma dívida com seu chefe que nunca consegue terminar de pagar?
rf-threats = Alguém já ameaçou machucar você ou sua família se você for embora?
rf-sex-made = Alguém obriga você a fazer sexo em troca de dinheiro, comida ou um lugar para ficar?
rf-work-or-sex = Alguém obriga você a trabalhar ou a fazer sexo, e você não pode ir embora?
rf-pay = Outra pessoa pega ou retém o dinheiro que você ganha?
rf-paid = Você recebe pagamento pelo trabalho que faz?
rf-permission = Você tem que pedir permissão para comer, dormir ou ir ao banheiro?
rf-locked-in = As portas ou janelas ficam trancadas para você não poder sair?
rf-live-at-work = Você tem que morar onde seu chefe manda?
rf-scared-at-work = Alguém no seu trabalho faz você sentir medo?
rf-unpaid = Você já trabalhou sem receber o pagamento prometido?
rf-quota = Alguém pune você se você não trouxer dinheiro suficiente?
rf-cut-off = Alguém impede você de entrar em contato com sua família ou seus amigos?
rf-danger-if-leave = Você ou alguém que você ama estaria em perigo se você fosse embora?
rf-calls-visits = Outra pessoa decide quando você pode ligar ou encontrar outras pessoas?
rf-different-job = Prometeram a você um trabalho diferente do que você faz agora?
rf-under-18 = Você tem menos de 18 anos e faz sexo em troca de dinheiro, comida ou um lugar para ficar?
rf-sex-for-work = Alguém obriga você a fazer sexo como parte do seu trabalho?
rf-sex-debt = Obrigam você a fazer sexo para pagar uma dívida?
rf-sex-money = Alguém pega o dinheiro que você recebe por fazer sexo?
rf-hurt-leave = Alguém já machucou ou ameaçou você quando você tentou ir embora?

## Modelos

poster-headline = Você está em segurança no trabalho e em casa?
poster-intro = Ligue para pedir ajuda no seu idioma, 24 horas por dia. É grátis e confidencial.
cling-headline = Alguém controla seu trabalho, seu dinheiro ou seus documentos?
cling-body = Você pode receber ajuda hoje. É grátis e confidencial.
slide-help = Ligue para pedir ajuda no seu idioma. É grátis e confidencial.

## Safety card (universal education): a neutral outside

safety-card-title = Sua saúde e bem-estar
safety-card-note = Entregamos este cartão a todos os pacientes.
