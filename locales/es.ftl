# Catálogo en español para hotline-kit.
#
# Traducción nuestra, sin revisión por un traductor calificado ni por sobrevivientes.
# Los datos de la línea (números, direcciones) vienen de hotline.toml: use { $phone }, { $sms },
# { $tty }, { $chat }, { $web } y { $hours }; nunca escriba un número aquí.
# text-short y text-short-limited llevan un espacio de no separación (U+00A0) entre «al» y
# el número, para que no queden separados al partir la línea en la etiqueta.

## Líneas comunes

call-label = Llame gratis, a cualquier hora
text-line = O envíe un mensaje de texto al { $sms }
text-short = Mensaje de texto al { $sms }
chat-line = Chat en línea: { $chat }
tty-line = TTY: { $tty }
text-line-limited = O envíe un mensaje de texto al { $sms } (inglés o español)
text-short-limited = Mensaje de texto al { $sms } (inglés o español)
chat-line-limited = Chat en línea: { $chat } (inglés o español)
text-chat-languages = Los mensajes de texto y el chat se contestan en inglés o español.
confidential = Gratis y confidencial. No tiene que dar su nombre.
languages-line = Puede llamar en español, en inglés o en más de 200 idiomas más.
safety-line = Puede borrar la llamada o el mensaje de su teléfono antes de salir.
scan-to-call = Escanee para llamar
scan-to-text = Escanee para enviar un texto
scan-to-open = Escanee para abrir el sitio web
free-private = Gratis, privado, { $hours }
text-label = O envíe { $keyword } por mensaje de texto al
text-label-limited = En inglés o español, envíe { $keyword } por mensaje de texto al
local-help = Ayuda local:
who-answers = La línea no es la policía ni inmigración. Ayuda a todas las personas, con o sin papeles. Usted decide si se avisa a la policía. Si un niño o una niña puede sufrir daño o alguien está en peligro, la línea avisa a las autoridades.

## Preguntas de alerta

rf-leave-job = ¿Puede dejar su trabajo si quiere?
rf-come-go = ¿Puede entrar y salir cuando usted quiera?
rf-id-taken = ¿Alguien más guarda su pasaporte o identificación?
rf-debt = ¿Le debe a su jefe una deuda que nunca puede terminar de pagar?
rf-threats = ¿Alguien ha amenazado con hacerle daño a usted o a su familia si se va?
rf-sex-made = ¿Alguien le obliga a tener sexo a cambio de dinero, comida o un lugar donde quedarse?
rf-work-or-sex = ¿Alguien le obliga a trabajar o a tener sexo, y no puede irse?
rf-pay = ¿Alguien más le quita o le retiene el dinero que usted gana?
rf-paid = ¿Le pagan por el trabajo que hace?
rf-permission = ¿Tiene que pedir permiso para comer, dormir o ir al baño?
rf-locked-in = ¿Las puertas o ventanas están cerradas con llave para que no pueda salir?
rf-live-at-work = ¿Tiene que vivir donde le dice su jefe?
rf-scared-at-work = ¿Alguien en su trabajo le hace sentir miedo?
rf-unpaid = ¿Ha trabajado sin recibir el pago que le prometieron?
rf-quota = ¿Le castigan si no trae suficiente dinero?
rf-cut-off = ¿Alguien le impide comunicarse con su familia o sus amigos?
rf-danger-if-leave = ¿Usted o alguien a quien quiere estaría en peligro si se fuera?
rf-calls-visits = ¿Alguien más decide cuándo puede llamar o ver a otras personas?
rf-different-job = ¿Le prometieron un trabajo diferente al que hace ahora?
rf-under-18 = ¿Tiene menos de 18 años y tiene sexo a cambio de dinero, comida o un lugar donde quedarse?
rf-sex-for-work = ¿Alguien le obliga a tener sexo como parte de su trabajo?
rf-sex-debt = ¿Le obligan a tener sexo para pagar una deuda?
rf-sex-money = ¿Alguien le quita el dinero que le pagan por tener sexo?
rf-hurt-leave = ¿Alguien le ha hecho daño o le ha amenazado cuando intentó irse?

## Diseños

poster-headline = ¿Se siente a salvo en el trabajo y en casa?
poster-intro = Llame para pedir ayuda en su idioma, las 24 horas del día. Es gratis y privado.
cling-headline = ¿Alguien controla su trabajo, su dinero o sus documentos?
cling-body = Puede recibir ayuda hoy. Es gratis y privado.
slide-help = Llame para pedir ayuda en su idioma. Es gratis y privado.

## Tarjeta de seguridad, para cada paciente

safety-card-title = Su salud y bienestar
safety-card-note = Damos esta tarjeta a todos los pacientes.

## Piezas para el personal (solo personal)

staff-soar-title = ¿Posible trata de personas? SOAR:
staff-soar-stop = Deténgase: vea al paciente a solas, con un intérprete profesional.
staff-soar-observe = Observe: miedo, o un acompañante que habla por él o ella.
staff-soar-ask = Pregunte por su seguridad en el trabajo y en casa. No presione.
staff-soar-respond = Responda: pregunte qué quiere. Ofrezca la línea de ayuda.
staff-call-title = A quién llamar
staff-danger = ¿Peligro inmediato? Siga el plan de emergencia y llame al 911.
staff-consult = La línea también asesora al personal:
staff-choice = El paciente decide qué pasa después. Créale; no lo presione.
staff-reporting-default = Denuncias: siga la política de su centro. También para pacientes menores de 18 años.
staff-poster-title = Un paciente podría estar en situación de trata. ¿Qué puede hacer?
staff-signs-title = Lo que puede notar (solo para el personal; nunca para perfilar)
staff-sign-companion = Un acompañante responde por el paciente o no quiere irse.
staff-sign-papers = Otra persona tiene la identificación o los documentos del paciente.
staff-sign-story = La historia no coincide con la lesión.
staff-sign-address = El paciente no sabe su dirección ni dónde trabaja.
staff-sign-untreated = Lesiones del trabajo que nunca se trataron.
staff-sign-fear = Miedo a la policía o a inmigración.
staff-respond-title = Cómo responder: SOAR
staff-training = Haga la capacitación gratuita SOAR Online de HHS. Es para todos los puestos, de la recepción a los médicos.
