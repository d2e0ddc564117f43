class Reserva:
    pass
