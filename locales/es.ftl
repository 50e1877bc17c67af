# Catálogo en español para hotline-kit.
#
# Traducción nuestra, sin revisión por un traductor calificado ni por sobrevivientes.
# Los datos de la línea (números, direcciones) vienen de hotline.toml: use { $phone }, { $sms },
# { $tty }, { $chat }, { $web } y { $hours }; nunca escriba un número aquí.

## Líneas comunes

call-label = Llame gratis, a cualquier hora
text-line = O envíe un mensaje de texto al { $sms }
text-short = Texto al { $sms }
chat-line = Chat en línea: { $chat }
tty-line = TTY: { $tty }
confidential = Gratis y confidencial. No tiene que dar su nombre.
languages-line = Ayuda en español, inglés y más de 200 idiomas.
safety-line = Puede borrar la llamada o el mensaje de su teléfono antes de salir.
scan-to-call = Escanee para llamar

## Preguntas de alerta

rf-leave-job = ¿Puede dejar su trabajo si quiere?
rf-come-go = ¿Puede entrar y salir cuando quiere?
rf-id-taken = ¿Alguien más guarda su pasaporte o identificación?
rf-debt = ¿Le debe a su jefe una deuda que nunca puede terminar de pagar?
rf-threats = ¿Alguien le ha amenazado a usted o a su familia si intenta irse?
rf-sex-made = ¿Alguien le obliga a tener sexo a cambio de dinero, comida o un lugar donde quedarse?
rf-work-or-sex = ¿Alguien le obliga a trabajar o a tener sexo, y no puede irse?
rf-pay = ¿Alguien más se queda con el dinero que usted gana?

## Diseños

poster-headline = ¿Se siente a salvo en el trabajo y en casa?
poster-intro = La ayuda es gratis, privada y en su idioma, las 24 horas del día.
cling-headline = ¿Alguien controla su trabajo, su dinero o sus documentos?
cling-body = Puede recibir ayuda hoy. Es gratis y privado.
slide-help = Puede llamar o enviar un texto para pedir ayuda. Es gratis y privado.
